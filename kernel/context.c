// SPDX-License-Identifier: GPL-2.0
/*
 * Execution-context state (<keel/hardirq.h>): how deep in hard interrupt
 * handlers the CPU is.  Per CPU once there is more than one.
 */
#include <keel/hardirq.h>

unsigned int hardirq_count;
