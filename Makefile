# SPDX-License-Identifier: GPL-2.0
VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
NAME = Anchor

# Keel's top-level Makefile: configuration targets, the recursive build
# (scripts/Makefile.build does one directory), the link with kallsyms, the
# GRUB image, and the test targets.  Run "make help" for the list.

MAKEFLAGS += -rR --no-print-directory

# ---------------------------------------------------------------------------
# V=1 prints full commands; O=dir builds out of tree.

ifeq ("$(origin V)", "command line")
  KBUILD_VERBOSE := $(V)
endif
ifeq ($(KBUILD_VERBOSE),1)
  quiet :=
  Q :=
else
  quiet := quiet_
  Q := @
endif
# make -s: print nothing but errors.
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
  quiet := silent_
endif
export quiet Q KBUILD_VERBOSE

this-makefile := $(lastword $(MAKEFILE_LIST))
abs_srctree := $(realpath $(dir $(this-makefile)))

ifeq ($(sub_make_done),)
ifeq ("$(origin O)", "command line")
  abs_objtree := $(shell mkdir -p $(O) && cd $(O) && pwd)
  $(if $(abs_objtree),,$(error failed to create output directory "$(O)"))
  ifneq ($(abs_objtree),$(CURDIR))
    need-sub-make := 1
  endif
endif
endif

ifeq ($(need-sub-make),1)
# Re-run make inside the output directory, as Linux does: every path below
# is then relative to it, and the source tree is only read.
PHONY := __sub-make
__sub-make:
	$(Q)$(MAKE) -C $(abs_objtree) -f $(abs_srctree)/Makefile sub_make_done=1 \
		$(MAKECMDGOALS)

$(filter-out __sub-make,$(MAKECMDGOALS)): __sub-make
	@:

.PHONY: $(PHONY)
else # need-sub-make

ifeq ($(abs_srctree),$(CURDIR))
  srctree := .
else
  srctree := $(abs_srctree)
  VPATH := $(srctree)
  # VPATH would find the objects of an in-tree build, as in Linux.
  ifneq ($(wildcard $(srctree)/.config $(srctree)/include/config),)
    $(error source tree $(srctree) is not clean: run "make mrproper" there first)
  endif
endif
objtree := .
export srctree objtree VPATH

KERNELRELEASE := $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)
KERNELVERSION := $(KERNELRELEASE)
export KERNELRELEASE KERNELVERSION

# ---------------------------------------------------------------------------
# Tools.  CROSS_COMPILE= prefixes the binutils and compiler; CC= overrides
# the compiler alone (gcc by default; clang builds too).  LLVM=1 uses the
# LLVM tools throughout (clang, ld.lld, llvm-ar, llvm-nm, llvm-objcopy), as
# in Linux; LLVM=-14 appends a version suffix (clang-14, ...) and
# LLVM=/path/to/llvm/bin/ prefixes a directory.

ifneq ($(LLVM),)
ifneq ($(filter %/,$(LLVM)),)
LLVM_PREFIX := $(LLVM)
else ifneq ($(filter -%,$(LLVM)),)
LLVM_SUFFIX := $(LLVM)
endif
CC		= $(LLVM_PREFIX)clang$(LLVM_SUFFIX)
LD		= $(LLVM_PREFIX)ld.lld$(LLVM_SUFFIX)
AR		= $(LLVM_PREFIX)llvm-ar$(LLVM_SUFFIX)
NM		= $(LLVM_PREFIX)llvm-nm$(LLVM_SUFFIX)
OBJCOPY		= $(LLVM_PREFIX)llvm-objcopy$(LLVM_SUFFIX)
OBJDUMP		= $(LLVM_PREFIX)llvm-objdump$(LLVM_SUFFIX)
HOSTCC		= $(LLVM_PREFIX)clang$(LLVM_SUFFIX)
else
CC		= $(CROSS_COMPILE)gcc
LD		= $(CROSS_COMPILE)ld
AR		= $(CROSS_COMPILE)ar
NM		= $(CROSS_COMPILE)nm
OBJCOPY		= $(CROSS_COMPILE)objcopy
OBJDUMP		= $(CROSS_COMPILE)objdump
HOSTCC		= gcc
endif
CPP		= $(CC) -E
PYTHON		= python3
QEMU		= qemu-system-x86_64
KCONFIG_CONF	= kconfig-conf
KCONFIG_MCONF	= kconfig-mconf
KCONFIG_NCONF	= kconfig-nconf
GRUB_MKRESCUE	= grub-mkrescue
export CC LD AR NM OBJCOPY OBJDUMP CPP HOSTCC PYTHON LLVM

include $(srctree)/scripts/Kbuild.include

# $(call need-tool,command,debian-package): stop with what to install.
need-tool = $(if $(shell command -v $(1) 2>/dev/null),,$(error $(1) not found: \
	run "sudo $(srctree)/scripts/install-deps.sh" (or: apt-get install $(2))))

# ---------------------------------------------------------------------------
# Configuration.  Targets whose name ends in "config" run kconfig and need
# no existing configuration.

KCONFIG_CONFIG ?= .config
export KCONFIG_CONFIG

config-targets := $(filter config %config %_defconfig %.config listnewconfig, \
		    $(MAKECMDGOALS))
no-dot-config-targets := clean mrproper distclean help install-deps run debug \
			 check hostcheck bootmatrix bench kconfig-lint fuzz selftests \
			 check-linux-ref ubench $(config-targets)

defconfig_list := $(notdir $(wildcard $(srctree)/configs/*_defconfig))
fragment_list := $(notdir $(wildcard $(srctree)/kernel/configs/*.config))
KBUILD_DEFCONFIG := x86_64_defconfig

# Targets that read only the source tree (the tags, docs and style section).
no-dot-config-targets += tags TAGS cscope gtags kernelversion kernelrelease \
			 htmldocs cleandocs checkstyle

# Under "make -s" kconfig says nothing either ("conf -s"), as in Linux.
kconf = $(call need-tool,$(KCONFIG_CONF),kconfig-frontends-nox)$(KCONFIG_CONF) \
	$(if $(filter silent_,$(quiet)),-s)
checkconfig = $(PYTHON) $(srctree)/scripts/kconfig/checkconfig.py \
	      --srctree $(srctree) --kconfig $(srctree)/Kconfig

# kconfig's "source" lines are relative to $srctree.
export srctree

PHONY := all
all: keel

# With O=dir the output directory gets a Makefile, so that "make" works
# there too, and a .gitignore that hides all of it from git, as in Linux.
PHONY += outputmakefile
outputmakefile:
ifneq ($(srctree),.)
	$(Q)if [ ! -f Makefile ] || grep -q '^# Automatically generated by' Makefile; then \
		{ echo "# Automatically generated by $(abs_srctree)/Makefile: don't edit"; \
		  echo "include $(abs_srctree)/Makefile"; } > Makefile; \
	fi
	$(Q){ echo "# this is a build directory, ignore it"; echo "*"; } > .gitignore
endif

config oldconfig olddefconfig listnewconfig allnoconfig allyesconfig \
alldefconfig randconfig menuconfig nconfig savedefconfig tinyconfig \
syncconfig: outputmakefile

PHONY += config oldconfig olddefconfig defconfig savedefconfig allnoconfig \
	 allyesconfig alldefconfig randconfig listnewconfig menuconfig \
	 nconfig tinyconfig syncconfig

config:
	$(Q)$(kconf) --oldaskconfig $(srctree)/Kconfig

oldconfig olddefconfig listnewconfig:
	$(Q)$(kconf) --$@ $(srctree)/Kconfig

allnoconfig allyesconfig alldefconfig:
	$(Q)$(kconf) --$@ $(srctree)/Kconfig

# KCONFIG_SEED=N makes randconfig reproducible; the seed is printed.
randconfig:
	$(Q)$(kconf) --randconfig $(srctree)/Kconfig

menuconfig:
	$(Q)$(call need-tool,$(KCONFIG_MCONF),kconfig-frontends-nox)$(KCONFIG_MCONF) $(srctree)/Kconfig

nconfig:
	$(Q)$(call need-tool,$(KCONFIG_NCONF),kconfig-frontends-nox)$(KCONFIG_NCONF) $(srctree)/Kconfig

defconfig: $(KBUILD_DEFCONFIG)

# A defconfig line that does not take is an error, not a silent surprise.
%_defconfig: $(srctree)/configs/%_defconfig outputmakefile
	$(Q)$(kconf) --defconfig=$< $(srctree)/Kconfig >/dev/null
	$(Q)$(checkconfig) --config $(KCONFIG_CONFIG) --check-eval $<
	@$(kecho) "#"
	@$(kecho) "# configuration written to $(KCONFIG_CONFIG) from configs/$@"
	@$(kecho) "#"

savedefconfig:
	$(Q)$(kconf) --savedefconfig=defconfig $(srctree)/Kconfig
	@$(kecho) "minimal configuration written to defconfig"

# tinyconfig: allnoconfig plus the tiny.config fragment.
tinyconfig:
	$(Q)KCONFIG_ALLCONFIG=$(srctree)/kernel/configs/tiny.config \
		$(kconf) --allnoconfig $(srctree)/Kconfig

# "make debug.config" merges kernel/configs/debug.config into .config: the
# fragment's values replace the ones there, silently (that is what it is
# for); each must then take (checkconfig.py).
%.config: $(srctree)/kernel/configs/%.config outputmakefile
	$(Q)test -f $(KCONFIG_CONFIG) || { echo "*** no $(KCONFIG_CONFIG) to merge into: run 'make defconfig' first"; exit 1; }
	$(Q)$(PYTHON) $(srctree)/scripts/kconfig/merge_config.py --srctree $(srctree) \
		$(KCONFIG_CONFIG).merge $(KCONFIG_CONFIG) $<
	$(Q)KCONFIG_ALLCONFIG=$(KCONFIG_CONFIG).merge $(kconf) --alldefconfig $(srctree)/Kconfig >/dev/null
	$(Q)rm -f $(KCONFIG_CONFIG).merge
	$(Q)$(checkconfig) --config $(KCONFIG_CONFIG) $<
	@$(kecho) "# merged kernel/configs/$@ into $(KCONFIG_CONFIG)"

# Bring include/config/ and include/generated/ up to date with .config.
# kconfig-conf 4.11 wants both directories to exist beforehand.
syncconfig: $(KCONFIG_CONFIG)
	$(Q)mkdir -p include/config include/generated
	$(Q)$(kconf) --silentoldconfig $(srctree)/Kconfig < /dev/null

# A configuration is needed unless every goal does without one (or a
# configuration target makes it), as in Linux: "make keel selftests"
# needs it for keel.
ifneq ($(filter-out $(no-dot-config-targets),$(MAKECMDGOALS))$(if $(MAKECMDGOALS),,all),)
need-config := 1
# auto.conf.cmd lists the Kconfig files, so editing one re-syncs.  The
# rules that write the configuration are at the end of this file: they
# exist only when every goal is one make knows.
-include include/config/auto.conf.cmd
-include include/config/auto.conf
endif

# ---------------------------------------------------------------------------
# Compiler flags.  The kernel is freestanding: no libc, no red zone (the
# CPU pushes interrupt frames onto the kernel stack), no SSE state to save,
# and code linked in the top 2 GiB (-mcmodel=kernel).

ifeq ($(shell $(CC) -v 2>&1 | grep -c 'clang version'),1)
  cc-name := clang
  cc-include := $(shell $(CC) -print-resource-dir)/include
else
  cc-name := gcc
  cc-include := $(shell $(CC) -print-file-name=include)
endif
cc-version := $(or $(shell $(CC) -dumpfullversion 2>/dev/null),$(shell $(CC) -dumpversion))

KBUILD_CPPFLAGS := -nostdinc -isystem $(cc-include) \
	-Iinclude -I$(srctree)/arch/x86/include -I$(srctree)/include \
	-include $(srctree)/include/keel/kconfig.h -D__KERNEL__

KBUILD_CFLAGS := -std=gnu11 -ffreestanding -fno-common -fno-strict-aliasing \
	-fno-delete-null-pointer-checks \
	-fno-pie -fno-pic -fno-asynchronous-unwind-tables \
	-fno-omit-frame-pointer -mcmodel=kernel -mno-red-zone \
	-mno-sse -mno-sse2 -mno-mmx -mno-3dnow -mno-avx -mno-80387 \
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wstrict-prototypes -Wmissing-prototypes -Wundef -Wvla \
	-Werror=implicit-function-declaration -Werror=implicit-int

# __FILE__ (in BUG and WARN reports) names files relative to the source
# tree, wherever the build happens.
ifneq ($(srctree),.)
KBUILD_CFLAGS += -fmacro-prefix-map=$(srctree)/=
endif

ifdef CONFIG_CC_OPTIMIZE_FOR_SIZE
KBUILD_CFLAGS += -Os
else
KBUILD_CFLAGS += -O2
endif
ifdef CONFIG_DEBUG_INFO
KBUILD_CFLAGS += -g
endif
# The canary is one global, __stack_chk_guard (kernel/panic.c): with one
# CPU it needs no per-CPU segment base set up before the first C code,
# as GCC's default %fs:0x28 would.
ifdef CONFIG_STACKPROTECTOR_STRONG
KBUILD_CFLAGS += -fstack-protector-strong -mstack-protector-guard=global
else ifdef CONFIG_STACKPROTECTOR
KBUILD_CFLAGS += -fstack-protector -mstack-protector-guard=global
else
KBUILD_CFLAGS += -fno-stack-protector
endif
# make check builds with KEEL_WERROR=1: warnings are errors there.
ifeq ($(KEEL_WERROR),1)
KBUILD_CFLAGS += -Werror
endif
KBUILD_AFLAGS := -D__ASSEMBLY__

# C=1 runs the source checker (sparse) on every C file that is compiled,
# C=2 on every C file of the build, compiled or not.  CHECK= names another
# checker, CHECKFLAGS= (or CF=) adds flags to it.
ifeq ("$(origin C)", "command line")
  KBUILD_CHECKSRC := $(C)
endif
KBUILD_CHECKSRC ?= 0
CHECK		= sparse
CHECKFLAGS	:= -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ \
		   -Wbitwise -Wno-return-void -Wno-unknown-attribute \
		   -D__x86_64__ -m64 $(CF)
# Sparse mimics gcc, and cannot read clang's <stdint.h>: with clang it
# reads gcc's freestanding headers (found first) when there is a gcc.
ifeq ($(cc-name),clang)
CHECKFLAGS	+= $(addprefix -isystem ,$(shell gcc -print-file-name=include 2>/dev/null))
endif
ifneq ($(KBUILD_CHECKSRC),0)
$(call need-tool,$(CHECK),sparse)
endif
export KBUILD_CHECKSRC CHECK CHECKFLAGS

# W=1, W=2, W=3, W=e: Linux's extra warning groups.
include $(srctree)/scripts/Makefile.extrawarn

# KCPPFLAGS, KCFLAGS and KAFLAGS (from the environment or the command line)
# come last, so they can override anything above, as in Linux.
KBUILD_CPPFLAGS += $(KCPPFLAGS)
KBUILD_CFLAGS += $(KCFLAGS)
KBUILD_AFLAGS += $(KAFLAGS)

export KBUILD_CPPFLAGS KBUILD_CFLAGS KBUILD_AFLAGS

# ---------------------------------------------------------------------------
# The kernel: build every directory into built-in.a, then link.  With
# CONFIG_KALLSYMS the symbol table is generated from a first link and
# linked in twice, so the final addresses are the ones the table records
# (the table's size depends only on the names, not on the addresses).

LDS := arch/x86/kernel/keel.lds
# Flags not every linker knows (GNU ld before 2.39, ld.lld) are tested first.
KBUILD_LDFLAGS := -m elf_x86_64 -nostdlib -z max-page-size=0x1000 \
	-z noexecstack $(call ld-option,--no-warn-rwx-segments)
export KBUILD_LDFLAGS

PHONY += prepare build-tree
prepare: outputmakefile include/config/auto.conf scripts/basic/fixdep
	$(Q)mkdir -p include/generated
	$(Q)$(srctree)/scripts/mkcompile_h include/generated/compile.h \
		"$(KERNELRELEASE)" "$(cc-name) $(cc-version)"
	$(Q)$(PYTHON) $(srctree)/scripts/syscalltbl.py \
		$(srctree)/arch/x86/entry/syscalls/syscall_64.tbl \
		include/generated/asm/syscalls_64.h \
		include/generated/uapi/asm/unistd_64.h

build-tree: prepare
	$(Q)$(MAKE) $(build)=.

quiet_cmd_hostcc = HOSTCC  $@
      cmd_hostcc = mkdir -p $(dir $@) && $(HOSTCC) -O2 -Wall -o $@ $<

scripts/basic/fixdep: $(srctree)/scripts/basic/fixdep.c
	$(call cmd,hostcc)

usr/gen_init_cpio: $(srctree)/usr/gen_init_cpio.c
	$(call cmd,hostcc)

built-in.a $(LDS): build-tree ;

# The link itself (with the kallsyms passes) is scripts/link-keel.sh.
      cmd_link_keel = $(CONFIG_SHELL) $(srctree)/scripts/link-keel.sh $@

CONFIG_SHELL := /bin/sh
export CONFIG_SHELL LDS

keel: built-in.a $(LDS) $(srctree)/scripts/link-keel.sh \
      $(srctree)/scripts/kallsyms.py $(wildcard include/config/kallsyms.h) FORCE
	+$(call if_changed,link_keel)

cmd-files := $(wildcard .keel.cmd)
ifneq ($(cmd-files),)
include $(cmd-files)
endif

# ---------------------------------------------------------------------------
# Boot images.  FDARGS= sets the kernel command line (as in Linux's
# "make isoimage"); the ISO boots straight into Keel, with no menu delay.

FDARGS ?= console=ttyS0 console=tty0
ISODIR := .isoimage

# The initramfs (CONFIG_BLK_DEV_INITRD), a GRUB module on the ISO:
# usr/gen_init_cpio writes it from the CONFIG_INITRAMFS_SOURCE list (paths
# relative to the source tree), with every mtime INITRAMFS_MTIME so the
# same sources give the same archive, gzip-compressed with CONFIG_RD_GZIP.
INITRAMFS_MTIME ?= $(or $(SOURCE_DATE_EPOCH),0)
initramfs-list := $(patsubst "%",%,$(CONFIG_INITRAMFS_SOURCE))
initramfs-list := $(if $(filter /%,$(initramfs-list)),,$(srctree)/)$(initramfs-list)
initramfs-y := $(if $(CONFIG_BLK_DEV_INITRD),usr/initramfs_data.cpio$(if $(CONFIG_RD_GZIP),.gz))
initramfs-files := $(if $(initramfs-y),$(shell sed -n \
	's/^[[:space:]]*file[[:space:]]\+[^[:space:]]\+[[:space:]]\+\([^[:space:]]\+\).*/\1/p' \
	$(initramfs-list) 2>/dev/null))
initramfs-files := $(foreach f,$(initramfs-files),$(if $(filter /%,$(f)),$(f),$(srctree)/$(f)))

# CONFIG_INITRAMFS_INIT adds usr/init.c, a static user program, as /init.
USERCC ?= musl-gcc
initramfs-init := $(if $(CONFIG_INITRAMFS_INIT),usr/init)
initramfs-init-line := $(if $(initramfs-init),file /init $(CURDIR)/usr/init 0755 0 0)

quiet_cmd_initramfs = GEN     $@
      cmd_initramfs = { cat $(initramfs-list); \
		      $(if $(initramfs-init-line),echo '$(initramfs-init-line)';) } \
		      > $@.list && \
		      usr/gen_init_cpio -t $(INITRAMFS_MTIME) -C $(srctree) \
		      -o $@.tmp $@.list && rm -f $@.list && \
		      $(if $(CONFIG_RD_GZIP),gzip -n -9 -f $@.tmp && mv -f $@.tmp.gz $@,mv -f $@.tmp $@)

usr/initramfs_data.cpio usr/initramfs_data.cpio.gz: usr/gen_init_cpio \
		$(initramfs-list) $(initramfs-files) $(initramfs-init) FORCE
	$(call if_changed,initramfs)

quiet_cmd_usercc = USERCC  $@
      cmd_usercc = $(USERCC) -static -Os -Wall -o $@ $<

usr/init: $(srctree)/usr/init.c FORCE
	$(call need-tool,$(USERCC),musl-tools)
	$(call if_changed,usercc)

include $(wildcard usr/.init.cmd)

include $(wildcard usr/.initramfs_data.cpio*.cmd)

PHONY += isoimage
isoimage: keel.iso

quiet_cmd_isoimage = GENISO  $@
      cmd_isoimage = $(CONFIG_SHELL) $(srctree)/scripts/mkisoimage.sh $@ keel \
		     $(ISODIR) '$(FDARGS)' $(initramfs-y)

keel.iso: keel $(initramfs-y) $(srctree)/scripts/mkisoimage.sh FORCE
	$(call need-tool,$(GRUB_MKRESCUE),grub-common grub-pc-bin xorriso mtools)
	$(call if_changed,isoimage)

# ---------------------------------------------------------------------------
# Running and testing.

# "make run" boots the image directly (QEMU's -kernel, through the PVH
# entry) with the initramfs as -initrd; ISO=1 boots keel.iso through GRUB
# instead, the path real machines take.  QEMU_FLAGS adds to the defaults;
# QEMU_APPEND is the kernel command line.
QEMU_ACCEL ?= tcg
QEMU_MEM ?= 256M
QEMU_SMP ?= 1
QEMU_APPEND ?= $(FDARGS)
QEMU_FLAGS ?=
qemu-flags = -accel $(QEMU_ACCEL) -m $(QEMU_MEM) -smp $(QEMU_SMP) \
	-display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04
ifeq ($(ISO),1)
run-images := keel.iso
qemu-boot = -cdrom keel.iso -boot d
else
run-images := keel $(initramfs-y)
qemu-boot = -kernel keel $(addprefix -initrd ,$(initramfs-y)) \
	-append '$(QEMU_APPEND)'
endif

PHONY += run debug install-deps check hostcheck bootmatrix bench kconfig-lint

install-deps:
	$(Q)$(srctree)/scripts/install-deps.sh

# isa-debug-exit makes QEMU exit with 1 or 3 when Keel powers off.
qemu-exit-ok = || { rc=$$?; [ $$rc -eq 1 ] || [ $$rc -eq 3 ]; }

# Build the image and boot it with the serial console on this terminal.
# Ctrl-A X quits QEMU.  The work is in __run and __debug, which read the
# configuration (for the initramfs); run and debug install what is needed.
run debug: install-deps
	$(Q)$(MAKE) -f $(this-makefile) __$@ FDARGS='$(QEMU_APPEND)'

PHONY += __run __debug
__run: $(run-images)
	$(call need-tool,$(QEMU),qemu-system-x86)
	@echo "  QEMU    $(firstword $(run-images))  (Ctrl-A X quits)"
	$(Q)$(QEMU) $(qemu-flags) -serial mon:stdio $(qemu-boot) $(QEMU_FLAGS) \
		$(qemu-exit-ok)

# QEMU stopped at the first instruction with its gdbstub on :1234 (-s -S),
# its serial console in serial.log, and gdb attached with Keel's symbols
# and the scripts/gdb helpers.  Quitting gdb stops QEMU.
GDB ?= gdb
__debug: $(run-images)
	$(call need-tool,$(QEMU),qemu-system-x86)
	$(call need-tool,$(GDB),gdb)
	@echo "  QEMU    $(firstword $(run-images)) -s -S  (console: serial.log)"
	$(Q)$(QEMU) $(qemu-flags) -serial file:serial.log -monitor none -s -S \
		$(qemu-boot) $(QEMU_FLAGS) & qemu=$$!; \
	$(GDB) -q -iex 'add-auto-load-safe-path $(abs_srctree)/scripts/gdb' \
		-x $(abs_srctree)/scripts/gdb/keel-gdb.py \
		-ex 'target remote :1234' keel; \
	kill $$qemu 2>/dev/null; wait $$qemu 2>/dev/null; true

hostcheck: scripts/basic/fixdep
	$(Q)$(MAKE) -f $(srctree)/tools/testing/host/Makefile \
		srctree=$(abs_srctree) objtree=$(CURDIR) run

# libFuzzer targets for the cpio parser and the inflater, built with
# clang; each runs FUZZ_TIME seconds on a seed corpus it generates.
FUZZ_TIME ?= 30
PHONY += fuzz
fuzz:
	$(Q)$(MAKE) -f $(srctree)/tools/testing/fuzz/Makefile \
		srctree=$(abs_srctree) objtree=$(CURDIR) FUZZ_TIME=$(FUZZ_TIME) run

# The user-space selftests (tools/testing/selftests): the programs, and
# selftests.cpio, an initramfs whose /init runs them and powers off.
# check-linux-ref boots that archive on Debian's Linux kernel in QEMU: the
# tests must pass there, for they state Linux's behaviour.
PHONY += selftests check-linux-ref
selftests: usr/gen_init_cpio
	$(call need-tool,musl-gcc,musl-tools)
	$(Q)$(MAKE) -f $(srctree)/tools/testing/selftests/Makefile \
		srctree=$(abs_srctree) objtree=$(CURDIR) \
		GEN_INIT_CPIO=$(CURDIR)/usr/gen_init_cpio

check-linux-ref: selftests
	$(call need-tool,$(QEMU),qemu-system-x86)
	$(Q)$(PYTHON) $(srctree)/scripts/linux_ref.py --objtree $(CURDIR) $(LINUX_REF_FLAGS)

BOOTMATRIX_FLAGS ?=
bootmatrix:
	$(Q)$(PYTHON) $(srctree)/scripts/bootmatrix.py --srctree $(abs_srctree) \
		--builddir $(CURDIR) $(BOOTMATRIX_FLAGS)

# The user-space microbenchmarks (tools/bench): ubench and ubench.cpio, an
# initramfs whose /init runs them and powers off.
PHONY += ubench
ubench: usr/gen_init_cpio
	$(call need-tool,musl-gcc,musl-tools)
	$(Q)$(MAKE) -f $(srctree)/tools/bench/Makefile \
		srctree=$(abs_srctree) objtree=$(CURDIR) \
		GEN_INIT_CPIO=$(CURDIR)/usr/gen_init_cpio

# ubench.cpio booted on Keel (x86_64_defconfig) and on Debian's Linux in
# turns, compared; then KBENCH (x86_64_defconfig + CONFIG_KBENCH=y booted
# with "kbench").  All under ./bench; BENCH_FLAGS="--help" for options.
BENCH_FLAGS ?=
bench:
	$(Q)$(PYTHON) $(srctree)/scripts/bench.py --srctree $(abs_srctree) \
		--builddir $(CURDIR) $(BENCH_FLAGS)

kconfig-lint:
	$(Q)$(PYTHON) $(srctree)/scripts/kconfig/checkconfig.py \
		--srctree $(srctree) --kconfig $(srctree)/Kconfig --lint

# Every test there is; one closing line "N passed, N failed".
check: install-deps
	$(Q)$(PYTHON) $(srctree)/scripts/check.py --srctree $(abs_srctree) --objtree $(CURDIR)

# ---------------------------------------------------------------------------
# Editor support: compile_commands.json for clangd, from the .cmd files.

quiet_cmd_gen_compile_commands = GEN     $@
      cmd_gen_compile_commands = $(PYTHON) \
		$(srctree)/scripts/gen_compile_commands.py -d . -o $@

PHONY += compile_commands.json
compile_commands.json: keel
	$(call cmd,gen_compile_commands)

# ---------------------------------------------------------------------------
# Source navigation, documentation, style and version: none of these needs
# a configuration (see no-dot-config-targets).

# Indexes of the tree's sources for editors (scripts/tags.sh): "tags" for
# vi, "TAGS" for Emacs, cscope.out, and GNU Global's GTAGS.
quiet_cmd_tags = GEN     $@
      cmd_tags = $(CONFIG_SHELL) $(srctree)/scripts/tags.sh $@

PHONY += tags TAGS cscope gtags
tags TAGS cscope gtags: FORCE
	$(call cmd,tags)

# The index files are not build products: distclean removes them, as in Linux.
PHONY += __distclean-tags
distclean: __distclean-tags
__distclean-tags:
	$(Q)rm -f tags TAGS cscope.files cscope.out cscope.out.in cscope.out.po \
		GPATH GRTAGS GSYMS GTAGS

PHONY += kernelversion kernelrelease
kernelversion:
	@echo $(KERNELVERSION)

kernelrelease:
	@echo $(KERNELRELEASE)

# The documentation: Sphinx turns Documentation/*.rst into HTML under
# Documentation/output (of the build directory with O=).  SPHINXOPTS= adds
# sphinx-build options; with KEEL_WERROR=1 (make check) a warning fails.
SPHINXBUILD ?= sphinx-build
SPHINXOPTS ?=
DOCS_OUTPUT := Documentation/output
sphinx-werror := $(if $(filter 1,$(KEEL_WERROR)),-W --keep-going)

quiet_cmd_sphinx = SPHINX  $@ --> file://$(abspath $(DOCS_OUTPUT))/index.html
      cmd_sphinx = $(SPHINXBUILD) -b html $(if $(filter 1,$(KBUILD_VERBOSE)),,-q) \
		   $(sphinx-werror) $(SPHINXOPTS) -d $(DOCS_OUTPUT)/.doctrees \
		   $(srctree)/Documentation $(DOCS_OUTPUT)

PHONY += htmldocs cleandocs
htmldocs:
	$(call need-tool,$(SPHINXBUILD),python3-sphinx)
	$(call cmd,sphinx)

cleandocs:
	$(Q)rm -rf $(DOCS_OUTPUT)

# The coding style (scripts/checkpatch.py) of every source file of the tree.
PHONY += checkstyle
checkstyle:
	$(Q)$(PYTHON) $(srctree)/scripts/checkpatch.py --root $(srctree) --tree

# ---------------------------------------------------------------------------
# Cleaning: "clean" keeps the configuration, "mrproper" removes it too.

# "distclean" also removes editor backups and patch leftovers.

PHONY += clean mrproper distclean
clean:
	$(Q)find . -path ./.git -prune -o \( -name '*.o' -o -name '*.a' \
		-o -name '.*.cmd' -o -name '.*.d' -o -name '*.lds' -o -name '*.i' \
		-o -name '*.s' -o -name '*.lst' \) -type f -print | xargs rm -f
	$(Q)find . -path ./.git -prune -o -name __pycache__ -type d -print | xargs rm -rf
	$(Q)rm -rf keel keel.iso System.map .tmp_keel* .tmp_kallsyms* $(ISODIR) serial.log \
		bootmatrix bench check tools/testing/host/build compile_commands.json \
		usr/initramfs_data.cpio usr/initramfs_data.cpio.gz tools/testing/fuzz/build \
		kernel/config_data.gz
	$(Q)$(MAKE) -f $(srctree)/tools/testing/selftests/Makefile \
		srctree=$(abs_srctree) objtree=$(CURDIR) clean
	$(Q)$(MAKE) -f $(srctree)/tools/bench/Makefile \
		srctree=$(abs_srctree) objtree=$(CURDIR) clean

mrproper: clean
	$(Q)rm -rf .config .config.old include/config include/generated \
		scripts/basic/fixdep usr/gen_init_cpio defconfig

distclean: mrproper
	$(Q)find . -path ./.git -prune -o \( -name '*.orig' -o -name '*.rej' \
		-o -name '*~' -o -name '*.bak' -o -name '#*#' -o -name '*%' \
		-o -name 'core' -o -name '.*.orig' -o -name '.*.rej' -o -name '*.tmp' \) \
		-type f -print | xargs rm -f

# ---------------------------------------------------------------------------

PHONY += help
help:
	@echo 'Configuration targets:'
	@echo '  config           - Update current config using a line-oriented program'
	@echo '  menuconfig       - Update current config using a menu-based program'
	@echo '  nconfig          - Update current config using a ncurses menu-based program'
	@echo '  oldconfig        - Update current config asking only for new options'
	@echo '  olddefconfig     - Same as oldconfig but sets new symbols to their default'
	@echo '  defconfig        - New config from configs/$(KBUILD_DEFCONFIG)'
	@echo '  savedefconfig    - Save the current config as a minimal ./defconfig'
	@echo '  allnoconfig      - New config where all options are answered with no'
	@echo '  allyesconfig     - New config where all options are accepted with yes'
	@echo '  alldefconfig     - New config with all symbols set to default'
	@echo '  randconfig       - New config with random answers (KCONFIG_SEED=N repeats one)'
	@echo '  tinyconfig       - The smallest kernel that boots (allnoconfig + tiny.config)'
	@echo '  listnewconfig    - List options the current config does not set yet'
	@echo ''
	@echo 'Defconfigs (configs/):'
	@$(foreach d,$(defconfig_list),echo '  $(d)';)
	@echo ''
	@echo 'Configuration fragments (kernel/configs/), merged into .config:'
	@$(foreach f,$(fragment_list),echo '  $(f)';)
	@echo ''
	@echo 'Build and run:'
	@echo '  all / keel       - Build the kernel image (the default target)'
	@echo '  isoimage         - GRUB 2 bootable ISO, keel.iso (FDARGS="..." sets the command line),'
	@echo '                     with the initramfs from CONFIG_INITRAMFS_SOURCE as a module'
	@echo '  run              - Build and boot in QEMU on this terminal: -kernel keel -initrd ...'
	@echo '                     (ISO=1: keel.iso through GRUB); QEMU_MEM=256M QEMU_SMP=1'
	@echo '                     QEMU_ACCEL=tcg, QEMU_APPEND="$$(FDARGS)" (the command line),'
	@echo '                     QEMU_FLAGS="..." (added to the defaults)'
	@echo '  debug            - As run, but QEMU waits for gdb (-s -S) and gdb attaches with'
	@echo '                     symbols and the scripts/gdb helpers (lx-dmesg, ...)'
	@echo '  compile_commands.json - Compilation database for clangd'
	@echo '  dir/            - Build all files in dir and below'
	@echo '  dir/file.[ois]  - Build the specified target only'
	@echo '  dir/file.lst    - Build the specified mixed source/assembly target only'
	@echo ''
	@echo 'Testing:'
	@echo '  check            - All tests: lint, host tests, the boot matrix'
	@echo '  hostcheck        - Host unit tests under ASan/UBSan'
	@echo '  bootmatrix       - Build and boot every configuration in QEMU (BOOTMATRIX_FLAGS=...)'
	@echo '  bench            - Boot ubench.cpio on Keel and Linux in turns and compare; then'
	@echo '                     KBENCH (CONFIG_KBENCH=y booted with "kbench"); BENCH_FLAGS=--help'
	@echo '  kconfig-lint     - Check every Kconfig option has help text'
	@echo '  fuzz             - libFuzzer the cpio parser and the inflater with clang (FUZZ_TIME=30 s each)'
	@echo '  selftests        - User-space test programs and their initramfs, selftests.cpio'
	@echo '  ubench           - User-space microbenchmarks and their initramfs, ubench.cpio'
	@echo '  check-linux-ref  - Boot selftests.cpio on Debian'"'"'s Linux in QEMU: every test must pass'
	@echo '                     (SELFTESTS=process,files runs some; LINUX_REF_FLAGS=--write-expected'
	@echo '                     renews tools/testing/selftests/expected.ktap)'
	@echo ''
	@echo 'Other generic targets:'
	@echo '  tags/TAGS        - Generate tags file for editors (universal-ctags)'
	@echo '  cscope           - Generate cscope index'
	@echo '  gtags            - Generate GNU GLOBAL index'
	@echo '  kernelrelease    - Output the release version string (use with make -s)'
	@echo '  kernelversion    - Output the version stored in Makefile (use with make -s)'
	@echo ''
	@echo 'Static analysers:'
	@echo '  checkstyle       - Check the coding style of every source file (scripts/checkpatch.py)'
	@echo ''
	@echo 'Documentation targets:'
	@echo '  htmldocs         - HTML from Documentation/*.rst into Documentation/output'
	@echo '                     (SPHINXOPTS="..." adds sphinx-build options)'
	@echo '  cleandocs        - Remove the generated documentation'
	@echo ''
	@echo 'Cleaning:'
	@echo '  clean            - Remove generated files but keep the config'
	@echo '  mrproper         - Remove all generated files and the config'
	@echo '  distclean        - mrproper, and remove editor backups, patch files and the'
	@echo '                     editor indexes (tags, cscope, gtags)'
	@echo ''
	@echo 'Options:'
	@echo '  make V=1         - Print full commands'
	@echo '  make -s          - Print nothing but errors'
	@echo '  make O=dir       - Build out of tree, into dir (which gets a Makefile: cd dir && make)'
	@echo '  make CC=clang    - Build with another compiler; CROSS_COMPILE=prefix- for binutils too'
	@echo '  make LLVM=1      - Build with clang, ld.lld, llvm-ar, llvm-nm, llvm-objcopy'
	@echo '                     (LLVM=-14: version suffix; LLVM=/path/bin/: prefix)'
	@echo '  make W=n         - Extra compiler warnings: W=1, W=2, W=3; W=e makes them errors;'
	@echo '                     combined as W=12 or W=1e'
	@echo '  make C=1         - Run sparse on the C files compiled; C=2 on all of them'
	@echo '                     (CHECK=checker, CHECKFLAGS=/CF= extra flags)'
	@echo '  make KCFLAGS=... - Extra flags for C files (KAFLAGS= assembly, KCPPFLAGS= both)'
	@echo '  make KEEL_WERROR=1 - Warnings are errors'
	@echo '  make install-deps - Install the Debian packages the build and tests need'

PHONY += FORCE
FORCE:

# ---------------------------------------------------------------------------
# Writing the configuration.  A fresh tree gets the default one, but only
# for goals make knows: a typo ("make foo") or a target this tree does not
# have must stop with "No rule to make target" before anything is written.
# Single targets count only when their source (or directory) exists.

# Single targets, as in Linux: "make kernel/panic.o" (re)builds one object,
# "make lib/" one directory, and kernel/panic.i, .s and .lst are its
# preprocessed source, its assembly and a listing of its code with the
# source interleaved.  Each exists when its source or directory does.
single-goals := $(foreach g,$(filter %.o %.i %.s %.lst,$(MAKECMDGOALS)), \
	$(if $(wildcard $(addprefix $(srctree)/$(basename $(g)),.c .S)),$(g)))
dir-goals := $(foreach g,$(filter %/,$(MAKECMDGOALS)), \
	$(if $(wildcard $(srctree)/$(g)Kbuild),$(g)))

PHONY += $(single-goals) $(dir-goals)
$(single-goals): prepare
	$(Q)$(MAKE) $(build)=$(patsubst %/,%,$(dir $@)) $@

$(dir-goals): prepare
	$(Q)$(MAKE) $(build)=$(patsubst %/,%,$@)

# Goals that are files, not PHONY, are listed here to count as known.
file-targets := keel keel.iso built-in.a $(LDS) scripts/basic/fixdep \
	usr/gen_init_cpio usr/initramfs_data.cpio usr/initramfs_data.cpio.gz \
	$(KCONFIG_CONFIG) include/config/auto.conf
unknown-goals := $(filter-out $(PHONY) $(file-targets),$(MAKECMDGOALS))

ifeq ($(need-config)$(unknown-goals),1)
$(KCONFIG_CONFIG):
	@$(kecho) "*** no $(KCONFIG_CONFIG): using configs/$(KBUILD_DEFCONFIG)"
	$(Q)$(MAKE) -f $(this-makefile) $(KBUILD_DEFCONFIG)

include/config/auto.conf: $(KCONFIG_CONFIG) include/config/auto.conf.cmd
	$(Q)$(MAKE) -f $(this-makefile) syncconfig

include/config/auto.conf.cmd: ;
endif

.PHONY: $(PHONY)
endif # need-sub-make
