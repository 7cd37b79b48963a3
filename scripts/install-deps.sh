#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# install-deps.sh: install the Debian packages that building, booting and
# testing Keel need.  Idempotent: it installs only what is missing, says
# what it installs, and prints nothing when all is there.  Needs root (or
# sudo) only when something is missing.
set -e

PACKAGES="
	make gcc binutils libc6-dev
	clang lld llvm
	sparse
	python3 python3-kconfiglib
	kconfig-frontends-nox
	grub-common grub-pc-bin xorriso mtools
	qemu-system-x86
	musl-tools busybox-static
	universal-ctags cscope global
	python3-sphinx
"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "install-deps.sh: not a Debian system; install the equivalents of:" \
		$PACKAGES >&2
	exit 0
fi

missing=""
for pkg in $PACKAGES; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $pkg" ;;
	esac
done

[ -z "$missing" ] && exit 0

echo "install-deps.sh: installing:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "install-deps.sh: not root; run as root:" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
