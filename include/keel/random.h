/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's random numbers (drivers/char/random.c): a ChaCha20-based
 * generator seeded at boot from RDSEED/RDRAND (when CPUID has them), the
 * TSC and the RTC time.  /dev/random and /dev/urandom read it and never
 * block; writing to them mixes data in, as add_device_randomness() does.
 */
#ifndef _KEEL_RANDOM_H
#define _KEEL_RANDOM_H

#include <keel/types.h>

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
/* Mix @buf into the generator's key; it credits no entropy. */
void add_device_randomness(const void *buf, size_t len);

#endif /* _KEEL_RANDOM_H */
