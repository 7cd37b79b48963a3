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
HOSTCC		= $(LLVM_PREFIX)clang$(LLVM_SUFFIX)
else
CC		= $(CROSS_COMPILE)gcc
LD		= $(CROSS_COMPILE)ld
AR		= $(CROSS_COMPILE)ar
NM		= $(CROSS_COMPILE)nm
OBJCOPY		= $(CROSS_COMPILE)objcopy
HOSTCC		= gcc
endif
CPP		= $(CC) -E
PYTHON		= python3
QEMU		= qemu-system-x86_64
KCONFIG_CONF	= kconfig-conf
KCONFIG_MCONF	= kconfig-mconf
KCONFIG_NCONF	= kconfig-nconf
GRUB_MKRESCUE	= grub-mkrescue
export CC LD AR NM OBJCOPY CPP HOSTCC PYTHON LLVM

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
no-dot-config-targets := clean mrproper distclean help install-deps run \
			 check hostcheck bootmatrix bench kconfig-lint fuzz $(config-targets)

defconfig_list := $(notdir $(wildcard $(srctree)/configs/*_defconfig))
fragment_list := $(notdir $(wildcard $(srctree)/kernel/configs/*.config))
KBUILD_DEFCONFIG := x86_64_defconfig

kconf = $(call need-tool,$(KCONFIG_CONF),kconfig-frontends-nox)$(KCONFIG_CONF)
checkconfig = $(PYTHON) $(srctree)/scripts/kconfig/checkconfig.py \
	      --srctree $(srctree) --kconfig $(srctree)/Kconfig

# kconfig's "source" lines are relative to $srctree.
export srctree

PHONY := all
all: keel

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
%_defconfig: $(srctree)/configs/%_defconfig
	$(Q)$(kconf) --defconfig=$< $(srctree)/Kconfig >/dev/null
	$(Q)$(checkconfig) --config $(KCONFIG_CONFIG) $<
	@echo "#"
	@echo "# configuration written to $(KCONFIG_CONFIG) from configs/$@"
	@echo "#"

savedefconfig:
	$(Q)$(kconf) --savedefconfig=defconfig $(srctree)/Kconfig
	@echo "minimal configuration written to defconfig"

# tinyconfig: allnoconfig plus the tiny.config fragment.
tinyconfig:
	$(Q)KCONFIG_ALLCONFIG=$(srctree)/kernel/configs/tiny.config \
		$(kconf) --allnoconfig $(srctree)/Kconfig

# "make debug.config" merges kernel/configs/debug.config into .config.
%.config: $(srctree)/kernel/configs/%.config
	$(Q)test -f $(KCONFIG_CONFIG) || { echo "*** no $(KCONFIG_CONFIG) to merge into: run 'make defconfig' first"; exit 1; }
	$(Q)cat $(KCONFIG_CONFIG) $< > $(KCONFIG_CONFIG).merge
	$(Q)KCONFIG_ALLCONFIG=$(KCONFIG_CONFIG).merge $(kconf) --alldefconfig $(srctree)/Kconfig >/dev/null
	$(Q)rm -f $(KCONFIG_CONFIG).merge
	$(Q)$(checkconfig) --config $(KCONFIG_CONFIG) $<
	@echo "# merged kernel/configs/$@ into $(KCONFIG_CONFIG)"

# Bring include/config/ and include/generated/ up to date with .config.
# kconfig-conf 4.11 wants both directories to exist beforehand.
syncconfig: $(KCONFIG_CONFIG)
	$(Q)mkdir -p include/config include/generated
	$(Q)$(kconf) --silentoldconfig $(srctree)/Kconfig < /dev/null

ifeq ($(filter $(no-dot-config-targets),$(MAKECMDGOALS)),)
# A fresh tree with no configuration gets the default one, with a note.
$(KCONFIG_CONFIG):
	@echo "*** no $(KCONFIG_CONFIG): using configs/$(KBUILD_DEFCONFIG)"
	$(Q)$(MAKE) -f $(this-makefile) $(KBUILD_DEFCONFIG)

include/config/auto.conf: $(KCONFIG_CONFIG) include/config/auto.conf.cmd
	$(Q)$(MAKE) -f $(this-makefile) syncconfig

# auto.conf.cmd lists the Kconfig files, so editing one re-syncs.
include/config/auto.conf.cmd: ;
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
	-fno-pie -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables \
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
# make check builds with KEEL_WERROR=1: warnings are errors there.
ifeq ($(KEEL_WERROR),1)
KBUILD_CFLAGS += -Werror
endif
KBUILD_AFLAGS := -D__ASSEMBLY__

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
prepare: include/config/auto.conf scripts/basic/fixdep
	$(Q)mkdir -p include/generated
	$(Q)$(srctree)/scripts/mkcompile_h include/generated/compile.h \
		"$(KERNELRELEASE)" "$(cc-name) $(cc-version)"

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

quiet_cmd_initramfs = GEN     $@
      cmd_initramfs = usr/gen_init_cpio -t $(INITRAMFS_MTIME) -C $(srctree) \
		      -o $@.tmp $(initramfs-list) && \
		      $(if $(CONFIG_RD_GZIP),gzip -n -9 -f $@.tmp && mv -f $@.tmp.gz $@,mv -f $@.tmp $@)

usr/initramfs_data.cpio usr/initramfs_data.cpio.gz: usr/gen_init_cpio \
		$(initramfs-list) $(initramfs-files) FORCE
	$(call if_changed,initramfs)

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

QEMU_ACCEL ?= tcg
QEMU_MEM ?= 256M
QEMU_FLAGS ?= -accel $(QEMU_ACCEL) -m $(QEMU_MEM) -display none \
	-serial mon:stdio -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04

PHONY += run install-deps check hostcheck bootmatrix bench kconfig-lint

install-deps:
	$(Q)$(srctree)/scripts/install-deps.sh

# Build the image and boot it with the serial console on this terminal.
# Ctrl-A X quits QEMU.
run: install-deps
	$(Q)$(MAKE) -f $(this-makefile) isoimage
	$(call need-tool,$(QEMU),qemu-system-x86)
	@echo "  QEMU    keel.iso  (Ctrl-A X quits)"
	$(Q)$(QEMU) $(QEMU_FLAGS) -cdrom keel.iso -boot d || \
		{ rc=$$?; [ $$rc -eq 1 ] || [ $$rc -eq 3 ]; }

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

BOOTMATRIX_FLAGS ?=
bootmatrix:
	$(Q)$(PYTHON) $(srctree)/scripts/bootmatrix.py --srctree $(abs_srctree) \
		--builddir $(CURDIR) $(BOOTMATRIX_FLAGS)

# KBENCH: full_defconfig + CONFIG_KBENCH=y under ./bench, booted with "kbench".
bench:
	$(Q)$(PYTHON) $(srctree)/scripts/bench.py --srctree $(abs_srctree) \
		--builddir $(CURDIR)

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
# Cleaning: "clean" keeps the configuration, "mrproper" removes it too.

PHONY += clean mrproper distclean
clean:
	$(Q)find . \( -name '*.o' -o -name '*.a' -o -name '.*.cmd' -o -name '.*.d' \
		-o -name '*.lds' \) -not -path './.git/*' -delete
	$(Q)rm -rf keel keel.iso System.map .tmp_keel* .tmp_kallsyms* $(ISODIR) \
		bootmatrix bench tools/testing/host/build compile_commands.json \
		usr/initramfs_data.cpio usr/initramfs_data.cpio.gz tools/testing/fuzz/build

mrproper distclean: clean
	$(Q)rm -rf .config .config.old include/config include/generated \
		scripts/basic/fixdep usr/gen_init_cpio defconfig

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
	@echo '  run              - Build the ISO and boot it in QEMU on this terminal'
	@echo '  compile_commands.json - Compilation database for clangd'
	@echo ''
	@echo 'Testing:'
	@echo '  check            - All tests: lint, host tests, the boot matrix'
	@echo '  hostcheck        - Host unit tests under ASan/UBSan'
	@echo '  bootmatrix       - Build and boot every configuration in QEMU (BOOTMATRIX_FLAGS=...)'
	@echo '  bench            - Build with CONFIG_KBENCH=y, boot with "kbench", print the benchmarks'
	@echo '  kconfig-lint     - Check every Kconfig option has help text'
	@echo '  fuzz             - libFuzzer the cpio parser and the inflater with clang (FUZZ_TIME=30 s each)'
	@echo ''
	@echo 'Cleaning:'
	@echo '  clean            - Remove generated files but keep the config'
	@echo '  mrproper         - Remove all generated files and the config'
	@echo ''
	@echo 'Options:'
	@echo '  make V=1         - Print full commands'
	@echo '  make O=dir       - Build out of tree, into dir'
	@echo '  make CC=clang    - Build with another compiler; CROSS_COMPILE=prefix- for binutils too'
	@echo '  make install-deps - Install the Debian packages the build and tests need'

PHONY += FORCE
FORCE:

.PHONY: $(PHONY)
endif # need-sub-make
