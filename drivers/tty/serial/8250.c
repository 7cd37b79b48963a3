// SPDX-License-Identifier: GPL-2.0
/*
 * 8250/16550 UART console on the PC's COM ports.  Output is polled (wait
 * for the transmit holding register to empty, then write), so it works
 * with interrupts off and from an oops.  console=ttyS<N>[,<baud>] picks
 * the port and speed; the default is 115200 8N1.  For /dev/ttyS0
 * (8250_tty.c) COM1 also writes outside the console and receives on
 * IRQ 4, each byte handed to a callback from the interrupt handler.
 */
#include <keel/console.h>
#include <keel/ctype.h>
#include <keel/errno.h>
#include <keel/init.h>
#include <keel/interrupt.h>
#include <keel/kernel.h>
#include <keel/kstrtox.h>
#include <keel/nmi.h>
#include <keel/serial_8250.h>
#include <asm/io.h>

#define UART_CLOCK_BAUD	115200

/* Register offsets */
#define UART_TX		0	/* transmit holding (write) */
#define UART_RX		0	/* receive buffer (read) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_SCR	7	/* scratch */

#define UART_LCR_8N1	0x03
#define UART_LCR_DLAB	0x80
#define UART_FCR_ENABLE	0x07	/* enable and clear both FIFOs */
#define UART_MCR_DTR_RTS_OUT2 0x0b
#define UART_LSR_THRE	0x20
#define UART_LSR_DR	0x01	/* a received byte is waiting */
#define UART_IER_RDI	0x01	/* interrupt on received data */
#define COM1_IRQ	4

static const u16 port_base[] = { 0x3f8, 0x2f8, 0x3e8, 0x2e8 };

static u16 serial_base(const struct console *con)
{
	return port_base[con->index];
}

static void serial_putc(u16 base, char c)
{
	unsigned int spin = 100000;

	/* A missing UART never reports empty: give up rather than hang. */
	while (!(inb(base + UART_LSR) & UART_LSR_THRE) && --spin)
		;
	outb(c, base + UART_TX);
}

/* The tty's default output processing (ONLCR): "\n" goes out "\r\n". */
static void serial_write(u16 base, const char *s, size_t len)
{
	while (len--) {
		if (*s == '\n')
			serial_putc(base, '\r');
		serial_putc(base, *s++);
	}
}

/*
 * printk writes with interrupts off, a console replay the whole log: at
 * 115200 baud that can outlast watchdog_thresh without being a lockup.
 */
static void serial_console_write(struct console *con, const char *s,
				 unsigned int len)
{
	touch_nmi_watchdog();
	serial_write(serial_base(con), s, len);
}

/* A UART keeps what is written to its scratch register. */
static bool serial_present(u16 base)
{
	outb(0x5a, base + UART_SCR);
	if (inb(base + UART_SCR) != 0x5a)
		return false;
	outb(0xa5, base + UART_SCR);
	return inb(base + UART_SCR) == 0xa5;
}

static u16 console_base;	/* the port the console set up, or 0 */

/* Program the speed, 8N1, the FIFOs and the modem lines (OUT2: IRQs). */
static void serial_port_init(u16 base, u16 divisor)
{
	outb(0, base + UART_IER);
	outb(UART_LCR_DLAB, base + UART_LCR);
	outb(divisor & 0xff, base + UART_DLL);
	outb(divisor >> 8, base + UART_DLM);
	outb(UART_LCR_8N1, base + UART_LCR);
	outb(UART_FCR_ENABLE, base + UART_FCR);
	outb(UART_MCR_DTR_RTS_OUT2, base + UART_MCR);
}

static int serial_console_setup(struct console *con, const char *options)
{
	unsigned long baud = UART_CLOCK_BAUD;
	u16 base;
	char digits[12];
	size_t n = 0;

	if (con->index < 0 || con->index >= (int)ARRAY_SIZE(port_base))
		return -ENODEV;
	base = serial_base(con);
	if (!serial_present(base))
		return -ENODEV;
	/* "115200n8": the speed is the leading digits. */
	while (options && n < sizeof(digits) - 1 && isdigit(options[n])) {
		digits[n] = options[n];
		n++;
	}
	digits[n] = '\0';
	if (n && (kstrtoul(digits, 10, &baud) || !baud ||
		  baud > UART_CLOCK_BAUD))
		return -EINVAL;
	serial_port_init(base, UART_CLOCK_BAUD / baud);
	console_base = base;
	return 0;
}

static struct console serial_console = {
	.name = "ttyS",
	.index = 0,
	.write = serial_console_write,
	.setup = serial_console_setup,
};

static int serial8250_console_init(void)
{
	register_console(&serial_console);
	return 0;
}
console_initcall(serial8250_console_init);

void serial8250_write(const char *s, size_t len)
{
	serial_write(port_base[0], s, len);
}

static void (*serial_rx)(u8 c);		/* [I] once the IRQ is requested */

static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	u16 base = port_base[0];
	irqreturn_t ret = IRQ_NONE;

	while (inb(base + UART_LSR) & UART_LSR_DR) {
		serial_rx(inb(base + UART_RX));
		ret = IRQ_HANDLED;
	}
	return ret;
}

int serial8250_rx_start(void (*rx)(u8 c))
{
	u16 base = port_base[0];
	int err;

	if (serial_rx)
		return -EBUSY;
	if (base != console_base) {
		if (!serial_present(base))
			return -ENODEV;
		serial_port_init(base, 1);	/* 115200 */
	}
	serial_rx = rx;
	err = request_irq(COM1_IRQ, serial8250_interrupt, 0, "ttyS0", &serial_rx);
	if (err) {
		serial_rx = NULL;
		return err;
	}
	outb(UART_IER_RDI, base + UART_IER);
	return 0;
}
