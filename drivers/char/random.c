// SPDX-License-Identifier: GPL-2.0
/*
 * The random number generator and /dev/random, /dev/urandom (1,8 and
 * 1,9).  A 256-bit key drives ChaCha20 (lib/chacha.c); every request
 * first replaces the key with fresh key stream ("fast key erasure"), so
 * output already given cannot be recomputed from a later state.  Input
 * (boot seeds, writes to the devices) is XORed into the key, which is then
 * stirred through one ChaCha20 block.
 *
 * Seeding happens at early_initcall from RDSEED and RDRAND when CPUID
 * reports them, the TSC and the RTC time; the generator never blocks
 * after that, as Linux's does once initialised.  Interrupt timing is not
 * sampled yet (the IRQ layer has no hook for it).
 *
 * getrandom(2) reads the same generator.
 *
 * Lock: crng_lock (irqsave: callers may be in interrupt context).
 */
#include <keel/cdev.h>
#include <keel/chacha.h>
#include <keel/errno.h>
#include <keel/fs.h>
#include <keel/init.h>
#include <keel/kernel.h>
#include <keel/random.h>
#include <keel/spinlock.h>
#include <keel/sched.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/timekeeping.h>
#include <keel/uio.h>
#include <asm/processor.h>
#include <uapi/linux/random.h>

static DEFINE_SPINLOCK(crng_lock);
static u8 crng_key[CHACHA_KEY_SIZE];	/* [crng_lock] */
static u64 crng_generation;		/* nonce of each use [crng_lock] */

static void crng_state(u32 state[CHACHA_STATE_WORDS])
{
	u8 nonce[CHACHA_NONCE_SIZE] = { 0 };

	memcpy(nonce, &crng_generation, sizeof(crng_generation));
	crng_generation++;
	chacha20_init(state, crng_key, 0, nonce);
}

void add_device_randomness(const void *buf, size_t len)
{
	u32 state[CHACHA_STATE_WORDS];
	u8 block[CHACHA_BLOCK_SIZE];
	const u8 *p = buf;
	unsigned long flags;
	size_t i, n;

	spin_lock_irqsave(&crng_lock, flags);
	do {
		n = min(len, (size_t)CHACHA_KEY_SIZE);
		for (i = 0; i < n; i++)
			crng_key[i] ^= p[i];
		crng_state(state);
		chacha20_block(state, block);
		memcpy(crng_key, block, CHACHA_KEY_SIZE);
		p += n;
		len -= n;
	} while (len);
	spin_unlock_irqrestore(&crng_lock, flags);
	memset(state, 0, sizeof(state));
	memset(block, 0, sizeof(block));
}

void get_random_bytes(void *buf, size_t len)
{
	u32 state[CHACHA_STATE_WORDS];
	u8 block[CHACHA_BLOCK_SIZE];
	unsigned long flags;
	u8 *out = buf;
	size_t n;

	/*
	 * The first block's first half becomes the new key, its second half
	 * the first output; later blocks of the same state are all output.
	 */
	spin_lock_irqsave(&crng_lock, flags);
	crng_state(state);
	chacha20_block(state, block);
	memcpy(crng_key, block, CHACHA_KEY_SIZE);
	spin_unlock_irqrestore(&crng_lock, flags);

	n = min(len, (size_t)(CHACHA_BLOCK_SIZE - CHACHA_KEY_SIZE));
	memcpy(out, block + CHACHA_KEY_SIZE, n);
	out += n;
	len -= n;
	while (len) {
		chacha20_block(state, block);
		n = min(len, (size_t)CHACHA_BLOCK_SIZE);
		memcpy(out, block, n);
		out += n;
		len -= n;
	}
	memset(state, 0, sizeof(state));
	memset(block, 0, sizeof(block));
}

u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

#define CPUID1_ECX_RDRAND	(1U << 30)
#define CPUID7_EBX_RDSEED	(1U << 18)

/* RDSEED/RDRAND set CF when they delivered; retry a few times, as Intel advises. */
static bool rdseed_long(unsigned long *v)
{
	int tries = 10;
	bool ok;

	do {
		__asm__ __volatile__("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
	} while (!ok && --tries);
	return ok;
}

static bool rdrand_long(unsigned long *v)
{
	int tries = 10;
	bool ok;

	do {
		__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
	} while (!ok && --tries);
	return ok;
}

static int rand_initialize(void)
{
	unsigned long seed[CHACHA_KEY_SIZE / sizeof(unsigned long)];
	bool has_rdrand, has_rdseed = false;
	u32 a, b, c, d, max_leaf;
	u64 clock[3];
	unsigned int i;

	cpuid(0, &max_leaf, &b, &c, &d);
	cpuid(1, &a, &b, &c, &d);
	has_rdrand = c & CPUID1_ECX_RDRAND;
	if (max_leaf >= 7) {
		cpuid(7, &a, &b, &c, &d);
		has_rdseed = b & CPUID7_EBX_RDSEED;
	}
	for (i = 0; i < ARRAY_SIZE(seed); i++) {
		seed[i] = 0;
		if (!(has_rdseed && rdseed_long(&seed[i])) && has_rdrand)
			rdrand_long(&seed[i]);
	}
	clock[0] = rdtsc();
	clock[1] = ktime_get_real_seconds();
	clock[2] = ktime_get_ns();
	add_device_randomness(seed, sizeof(seed));
	add_device_randomness(clock, sizeof(clock));
	memset(seed, 0, sizeof(seed));
	return 0;
}
early_initcall(rand_initialize);

/*
 * Generated a block at a time on the stack and wiped after (Linux's
 * get_random_bytes_user()); a fault gives a short count, or -EFAULT.
 * A long request gives the CPU away between pages.
 */
static ssize_t get_random_bytes_user(struct iov_iter *to)
{
	u8 block[CHACHA_BLOCK_SIZE];
	size_t done = 0, chunk, copied;

	while (iov_iter_count(to)) {
		chunk = min(iov_iter_count(to), sizeof(block));
		get_random_bytes(block, chunk);
		copied = copy_to_iter(block, chunk, to);
		done += copied;
		if (copied < chunk)
			break;
		if (!(done % PAGE_SIZE))
			cond_resched();
	}
	memset(block, 0, sizeof(block));
	return done ? (ssize_t)done : -EFAULT;
}

static ssize_t random_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return get_random_bytes_user(to);
}

/* Mixed in a block at a time; a fault ends it (Linux's write_pool_user()). */
static ssize_t random_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	u8 block[CHACHA_BLOCK_SIZE];
	size_t done = 0, chunk, copied;
	u64 tsc = rdtsc();

	while (iov_iter_count(from)) {
		chunk = min(iov_iter_count(from), sizeof(block));
		copied = copy_from_iter(block, chunk, from);
		add_device_randomness(block, copied);
		done += copied;
		if (copied < chunk)
			break;
	}
	memset(block, 0, sizeof(block));
	add_device_randomness(&tsc, sizeof(tsc));
	return done ? (ssize_t)done : -EFAULT;
}

/* Identical since Linux 5.18: both never block once seeded. */
static const struct file_operations random_fops = {
	.read_iter = random_read_iter,
	.write_iter = random_write_iter,
	.llseek = no_llseek,
};

static struct cdev random_cdev, urandom_cdev;

static int random_dev_init(void)
{
	int ret;

	cdev_init(&random_cdev, &random_fops);
	cdev_init(&urandom_cdev, &random_fops);
	ret = cdev_device_add(&random_cdev, MKDEV(MEM_MAJOR, 8), "random",
			      0666);
	if (ret)
		return ret;
	ret = cdev_device_add(&urandom_cdev, MKDEV(MEM_MAJOR, 9), "urandom",
			      0666);
	if (ret)
		cdev_device_del(&random_cdev);
	return ret;
}
device_initcall(random_dev_init);

/*
 * getrandom(2).  The generator is seeded before user space exists, so no
 * flag ever waits: GRND_RANDOM and GRND_NONBLOCK change nothing, as in
 * Linux once it is initialised.  GRND_INSECURE and GRND_RANDOM together
 * are -EINVAL.
 */
SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len,
		unsigned int, flags)
{
	struct iov_iter iter;
	int ret;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (!len)
		return 0;
	ret = import_ubuf(ITER_DEST, ubuf, len, &iter);
	if (ret)
		return ret;
	return get_random_bytes_user(&iter);
}
