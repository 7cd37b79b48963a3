// SPDX-License-Identifier: GPL-2.0
/*
 * Keel's init: the first user program of the default initramfs
 * (CONFIG_INITRAMFS_INIT).  It says that user space is up and hands the
 * console to /bin/sh when the initramfs has one; without a shell there is
 * nothing more to run, so it powers the machine off, which is how a test
 * boot ends.  Built with musl-gcc -static; it only uses what every libc
 * has.
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
	struct utsname u;

	if (uname(&u) == 0)
		printf("init: %s %s on %s: user space is up, PID %d\n",
		       u.sysname, u.release, u.machine, (int)getpid());
	else
		printf("init: user space is up, PID %d\n", (int)getpid());
	if (access("/bin/sh", X_OK) == 0) {
		fflush(stdout);
		execl("/bin/sh", "-sh", (char *)NULL);
		perror("init: /bin/sh");
	}
	printf("init: no shell to run; powering off\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	perror("init: reboot");
	return 1;
}
