#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mkisoimage.sh ISO KERNEL DIR "CMDLINE" [INITRAMFS]: build a GRUB 2 rescue
# ISO that boots KERNEL through multiboot2 at once (no menu delay), with
# CMDLINE as the kernel command line and INITRAMFS, if given, loaded as a
# module whose command line is "initramfs".  GRUB itself talks on both the
# screen and the first serial port, so a serial-only QEMU shows its errors
# too.  The ISO's kernel has no debug information (GRUB reads the whole
# file into its heap, which a small machine cannot spare): keel itself
# keeps it for gdb and faddr2line, as Linux's vmlinux does.
set -e

iso=$1
kernel=$2
dir=$3
cmdline=$4
initramfs=$5

rm -rf "${dir}"
mkdir -p "${dir}/boot/grub"
"${OBJCOPY:-objcopy}" --strip-debug "${kernel}" "${dir}/boot/keel"
module=
if [ -n "${initramfs}" ]; then
	case "${initramfs}" in
	*.gz) name=initramfs.cpio.gz ;;
	*) name=initramfs.cpio ;;
	esac
	cp "${initramfs}" "${dir}/boot/${name}"
	module="module2 /boot/${name} initramfs"
fi
cat > "${dir}/boot/grub/grub.cfg" <<CFG
serial --unit=0 --speed=115200
terminal_input console serial
terminal_output console serial
set timeout=0
set default=0
menuentry "Keel" {
	multiboot2 /boot/keel ${cmdline}
	${module}
	boot
}
CFG

log="${dir}.log"
if ! grub-mkrescue -o "${iso}" "${dir}" --locales= --fonts= --themes= \
		--install-modules="multiboot2 normal serial terminal boot configfile iso9660 biosdisk part_msdos" \
		> "${log}" 2>&1; then
	cat "${log}" >&2
	echo "mkisoimage.sh: grub-mkrescue failed" >&2
	exit 1
fi
rm -f "${log}"
