/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device access: port I/O (UART, PIT, PIC, ACPI PM1) and memory-mapped
 * registers (local APIC, IO-APIC) through ioremap().
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <keel/types.h>

/* Map @size bytes of device memory at @phys; NULL on failure. */
void __iomem *ioremap(phys_addr_t phys, size_t size);
void iounmap(volatile void __iomem *addr);

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 __force *)addr;
}

static inline void writel(u32 value, volatile void __iomem *addr)
{
	*(volatile u32 __force *)addr = value;
}

static inline void outb(u8 value, u16 port)
{
	__asm__ __volatile__("outb %b0, %w1" : : "a"(value), "Nd"(port));
}

static inline void outw(u16 value, u16 port)
{
	__asm__ __volatile__("outw %w0, %w1" : : "a"(value), "Nd"(port));
}

static inline void outl(u32 value, u16 port)
{
	__asm__ __volatile__("outl %0, %w1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ __volatile__("inb %w1, %b0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u16 inw(u16 port)
{
	u16 value;

	__asm__ __volatile__("inw %w1, %w0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u32 inl(u16 port)
{
	u32 value;

	__asm__ __volatile__("inl %w1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

#endif /* _ASM_X86_IO_H */
