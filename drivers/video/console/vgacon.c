// SPDX-License-Identifier: GPL-2.0
/*
 * VGA text-mode console: 80x25 cells of character and attribute at
 * 0xb8000, scrolled in software, with the hardware cursor following the
 * text.  It is console "tty0", the screen QEMU shows in its window.
 */
#include <keel/console.h>
#include <keel/init.h>
#include <keel/string.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_TEXT_BASE	0xb8000
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */
#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define VGA_CURSOR_HI	0x0e
#define VGA_CURSOR_LO	0x0f
#define TAB_WIDTH	8

static u16 *vga_mem;
static unsigned int vga_x, vga_y;

static u16 vga_cell(char c)
{
	return (u16)(u8)c | (VGA_ATTR << 8);
}

static void vga_scroll(void)
{
	unsigned int i;

	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	for (i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = vga_cell(' ');
	vga_y = VGA_ROWS - 1;
}

static void vga_newline(void)
{
	vga_x = 0;
	if (++vga_y == VGA_ROWS)
		vga_scroll();
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		vga_newline();
		return;
	case '\r':
		vga_x = 0;
		return;
	case '\t':
		vga_x = (vga_x + TAB_WIDTH) & ~(TAB_WIDTH - 1);
		break;
	default:
		vga_mem[vga_y * VGA_COLS + vga_x++] = vga_cell(c);
		break;
	}
	if (vga_x >= VGA_COLS)
		vga_newline();
}

static void vga_set_cursor(void)
{
	u16 pos = vga_y * VGA_COLS + vga_x;

	outb(VGA_CURSOR_HI, VGA_CRTC_INDEX);
	outb(pos >> 8, VGA_CRTC_DATA);
	outb(VGA_CURSOR_LO, VGA_CRTC_INDEX);
	outb(pos & 0xff, VGA_CRTC_DATA);
}

static void vgacon_write(struct console *con, const char *s, unsigned int len)
{
	while (len--)
		vga_putc(*s++);
	vga_set_cursor();
}

static int vgacon_setup(struct console *con, const char *options)
{
	unsigned int i;

	vga_mem = __va(VGA_TEXT_BASE);
	for (i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = vga_cell(' ');
	vga_x = vga_y = 0;
	return 0;
}

static struct console vga_console = {
	.name = "tty",
	.index = 0,
	.write = vgacon_write,
	.setup = vgacon_setup,
};

static int vgacon_console_init(void)
{
	register_console(&vga_console);
	return 0;
}
console_initcall(vgacon_console_init);
