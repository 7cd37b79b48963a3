// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/config.gz (CONFIG_IKCONFIG_PROC): read through the system calls,
 * it is the built-in gzip data byte for byte, it inflates (CRC32 and
 * length checked) to a .config, and that .config is the one this image
 * was built from: its lines agree with the options compiled in.
 * make check also compares scripts/extract-ikconfig's output with the
 * build's .config.
 */
#include <keel/errno.h>
#include <keel/fcntl.h>
#include <keel/ikconfig.h>
#include <keel/inflate.h>
#include <keel/kconfig.h>
#include <keel/ktest.h>
#include <keel/ktest_user.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/vmalloc.h>

#define CONFIG_MAX	(64 * 1024)

struct config_text {
	char *buf;
	size_t len;
};

static int config_flush(void *priv, const void *buf, size_t len)
{
	struct config_text *out = priv;

	if (len > CONFIG_MAX - 1 - out->len)
		return -EFBIG;
	memcpy(out->buf + out->len, buf, len);
	out->len += len;
	return 0;
}

/* Whether @line is a whole line of @text. */
static bool has_line(const char *text, const char *line)
{
	size_t len = strlen(line);
	const char *p;

	for (p = strstr(text, line); p; p = strstr(p + 1, line))
		if ((p == text || p[-1] == '\n') && p[len] == '\n')
			return true;
	return false;
}

/* /proc/config.gz read 100 bytes at a time into @buf; its length or -errno. */
static long read_config_gz(char *buf, size_t size)
{
	long fd, n, len = 0;

	fd = ksys_openat(AT_FDCWD, "/proc/config.gz", O_RDONLY, 0);
	if (fd < 0)
		return fd;
	while ((n = ktest_read(fd, buf + len, min(size - len, (size_t)100))) > 0)
		len += n;
	ksys_close(fd);
	return n < 0 ? n : len;
}

static void test_proc_config_gz(struct ktest *t)
{
	size_t size = kernel_config_data_end - kernel_config_data;
	struct inflate_state *s = vmalloc(sizeof(*s));
	struct config_text out = { vmalloc(CONFIG_MAX), 0 };
	char *gz = vmalloc(CONFIG_MAX);
	long len;

	KTEST_EXPECT_TRUE(t, s && out.buf && gz);
	if (!s || !out.buf || !gz)
		goto out;
	len = read_config_gz(gz, CONFIG_MAX);
	KTEST_EXPECT_EQ(t, len, (long)size);
	if (len != (long)size)
		goto out;
	KTEST_EXPECT_MEMEQ(t, gz, kernel_config_data, size);
	KTEST_EXPECT_EQ(t, gunzip(s, gz, len, config_flush, &out), len);
	out.buf[out.len] = '\0';

	KTEST_EXPECT_TRUE(t, has_line(out.buf, "# Automatically generated file; DO NOT EDIT."));
	KTEST_EXPECT_TRUE(t, has_line(out.buf, "CONFIG_IKCONFIG=y"));
	KTEST_EXPECT_TRUE(t, has_line(out.buf, "CONFIG_IKCONFIG_PROC=y"));
	KTEST_EXPECT_TRUE(t, has_line(out.buf,
				      "CONFIG_BUILD_NAME=\"" CONFIG_BUILD_NAME "\""));
	KTEST_EXPECT_TRUE(t, has_line(out.buf, "CONFIG_LOG_BUF_SHIFT="
				      __stringify(CONFIG_LOG_BUF_SHIFT)));
	KTEST_EXPECT_TRUE(t, has_line(out.buf, IS_ENABLED(CONFIG_DEBUG_PAGEALLOC) ?
				      "CONFIG_DEBUG_PAGEALLOC=y" :
				      "# CONFIG_DEBUG_PAGEALLOC is not set"));
	KTEST_EXPECT_TRUE(t, has_line(out.buf, IS_ENABLED(CONFIG_CC_OPTIMIZE_FOR_SIZE) ?
				      "CONFIG_CC_OPTIMIZE_FOR_SIZE=y" :
				      "# CONFIG_CC_OPTIMIZE_FOR_SIZE is not set"));
out:
	vfree(gz);
	vfree(out.buf);
	vfree(s);
}

static struct ktest_case configs_cases[] = {
	KTEST_CASE(test_proc_config_gz),
	{}
};

static struct ktest_suite configs_suite = {
	.name = "ikconfig",
	.cases = configs_cases,
};
ktest_register_suite(configs_suite);
