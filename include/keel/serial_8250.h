/* SPDX-License-Identifier: GPL-2.0 */
/*
 * COM1 beyond the console, for /dev/ttyS0 (drivers/tty/serial/8250.c).
 */
#ifndef _KEEL_SERIAL_8250_H
#define _KEEL_SERIAL_8250_H

#include <keel/types.h>

/* Write @s to COM1, polled, with "\n" sent as "\r\n". */
void serial8250_write(const char *s, size_t len);
/*
 * Enable COM1's receive interrupt (IRQ 4); @rx gets each byte, in
 * interrupt context.  Sets the port up at 115200 8N1 if the console did
 * not.  -ENODEV without a UART, -EBUSY if already started.
 */
int serial8250_rx_start(void (*rx)(u8 c));

#endif /* _KEEL_SERIAL_8250_H */
