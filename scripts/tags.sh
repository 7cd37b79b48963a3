#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# tags.sh tags|TAGS|cscope|gtags: the source-navigation indexes "make tags",
# "make TAGS", "make cscope" and "make gtags" write into the current (build)
# directory, as Linux's scripts/tags.sh does.  They index the sources of the
# tree -- what git tracks or would track, or without git every *.[chS] and
# Kconfig file outside the build products -- never generated files.  With
# O=dir the indexes name the files by their path in the source tree.
#
# Only the tool the target needs must be installed: universal-ctags (or
# exuberant-ctags) for tags and TAGS, cscope for cscope, global for gtags.
set -e
set -f

target=$1
srctree=${srctree:-.}

# Index entries name files relative to the current directory: in-tree as
# "mm/slab.c", out of tree with the source tree in front.
if [ "$(cd "$srctree" && pwd)" = "$(pwd)" ]; then
	tree=
else
	tree=$(cd "$srctree" && pwd)/
fi

need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "tags.sh: $1 not found: install $2 (apt-get install $2)" >&2
	exit 1
}

# The source files of the tree matching the shell patterns given, sorted.
sources() {
	if git -C "$srctree" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$srctree" ls-files --cached --others --exclude-standard \
			-- "$@"
	else
		names=
		for pattern in "$@"; do
			case "$pattern" in */*) continue ;; esac
			names="$names${names:+ -o} -name $pattern"
		done
		# shellcheck disable=SC2086
		(cd "$srctree" && find . \( -name '.[!.]*' -o -path ./include/config \
			-o -path ./include/generated -o -path ./bootmatrix \
			-o -path ./check -o -path ./bench -o -path ./Documentation/output \
			-o -path ./tools/testing/host/build \
			-o -path ./tools/testing/fuzz/build \) -prune -o \
			-type f \( $names \) -print | sed 's|^\./||')
	fi | LC_ALL=C sort
}

c_sources() {
	sources '*.[chS]' | sed "s|^|$tree|"
}

kconfig_sources() {
	sources 'Kconfig*' '*/Kconfig*' | sed "s|^|$tree|"
}

# Macros that define a symbol, so that a tag leads to DEFINE_SPINLOCK(x)
# and to SYM_CODE_START(x) in assembly.
ctags_regex() {
	printf '%s\n' '--regex-c=/^(static[[:space:]]+)?DEFINE_SPINLOCK\(([[:alnum:]_]+)\)/\2/v/'
	printf '%s\n' '--regex-c=/^(static[[:space:]]+)?LIST_HEAD\(([[:alnum:]_]+)\)/\2/v/'
	printf '%s\n' '--regex-c=/^(static[[:space:]]+)?DECLARE_WAIT_QUEUE_HEAD\(([[:alnum:]_]+)\)/\2/v/'
	printf '%s\n' '--regex-asm=/^SYM_[A-Z_]*START[A-Z_]*\(([[:alnum:]_]+)\)/\1/'
}

# Attributes ctags must skip to see the declaration behind them.
ctags_ignore='__aligned+,__printf+,__section+,__packed,__noreturn,__used,__weak,__maybe_unused,__always_inline'

# $1: ctags or etags format ("" or "-e"), $2: the index file.
do_ctags() {
	need ctags universal-ctags
	version=$(ctags --version 2>&1 | head -n 2)
	case "$version" in
	*Universal*) extras=--extras=+fq ;;
	*Exuberant*) extras=--extra=+fq ;;
	*)
		echo "tags.sh: ctags is neither universal-ctags nor exuberant-ctags:" \
			"install universal-ctags (apt-get install universal-ctags)" >&2
		exit 1
		;;
	esac
	rm -f "$2"
	# The regexes hold no blanks: split them into words.
	# shellcheck disable=SC2046,SC2086
	c_sources | ctags ${1:+"$1"} -f "$2" -L - -I "$ctags_ignore" $extras \
		--c-kinds=+px --fields=+iaS --langmap=c:+.h --langmap=asm:+.S \
		$(ctags_regex)
	# Kconfig symbols, both as FOO and as CONFIG_FOO.
	case "$version" in
	*Universal*)
		kconfig_sources | ctags ${1:+"$1"} -a -f "$2" -L - --language-force=Kconfig
		;;
	*)
		kconfig_sources | ctags ${1:+"$1"} -a -f "$2" -L - --langdef=kconfig \
			--language-force=kconfig \
			'--regex-kconfig=/^[[:blank:]]*(menu)?config[[:blank:]]+([[:alnum:]_]+)/\2/' \
			'--regex-kconfig=/^[[:blank:]]*(menu)?config[[:blank:]]+([[:alnum:]_]+)/CONFIG_\2/'
		;;
	esac
}

do_cscope() {
	need cscope cscope
	rm -f cscope.out cscope.out.in cscope.out.po
	# -k: no /usr/include; -q: the inverted index for fast lookups.
	{ echo -k; echo -q; c_sources; } > cscope.files
	cscope -b -f cscope.out
}

do_gtags() {
	need gtags global
	rm -f GTAGS GRTAGS GPATH
	if [ -n "$tree" ]; then
		sources '*.[chS]' | gtags -i -C "$srctree" -f - "$(pwd)"
	else
		c_sources | gtags -i -f -
	fi
}

case "$target" in
tags)	do_ctags "" tags ;;
TAGS)	do_ctags -e TAGS ;;
cscope)	do_cscope ;;
gtags)	do_gtags ;;
*)
	echo "usage: tags.sh tags|TAGS|cscope|gtags" >&2
	exit 2
	;;
esac
