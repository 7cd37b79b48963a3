#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# link-keel.sh OUTPUT: link built-in.a into the kernel image with $LDS.
#
# With CONFIG_KALLSYMS the image carries its own symbol table.  The table
# is generated from a first link without it; linking it in moves what
# follows, so a second table is generated from that link and linked into
# the final image.  Both tables hold the same names, hence the same size,
# so the final addresses are exactly those the second table records, which
# is checked at the end.  System.map is written alongside, as Linux does.
set -e

out=$1

info()
{
	if [ "${quiet}" = "quiet_" ]; then
		printf '  %-7s %s\n' "$1" "$2"
	fi
}

# link OUTPUT [EXTRA_OBJECT]
link()
{
	info LD "$1"
	${LD} ${KBUILD_LDFLAGS} -T "${LDS}" -o "$1" \
		--whole-archive built-in.a --no-whole-archive $2
}

# kallsyms IMAGE BASENAME: generate BASENAME.S from IMAGE and assemble it.
kallsyms()
{
	info KSYMS "$2.S"
	${NM} -n "$1" | ${PYTHON} "${srctree}/scripts/kallsyms.py" > "$2.S"
	info AS "$2.o"
	${CC} ${KBUILD_CPPFLAGS} ${KBUILD_AFLAGS} -c -o "$2.o" "$2.S"
}

if [ "${KBUILD_VERBOSE}" = "1" ]; then
	set -x
fi

if grep -q '^CONFIG_KALLSYMS=y' include/config/auto.conf; then
	link .tmp_keel1
	kallsyms .tmp_keel1 .tmp_kallsyms1
	link .tmp_keel2 .tmp_kallsyms1.o
	kallsyms .tmp_keel2 .tmp_kallsyms2
	link "${out}" .tmp_kallsyms2.o
	${NM} -n "${out}" | ${PYTHON} "${srctree}/scripts/kallsyms.py" > .tmp_kallsyms3.S
	if ! cmp -s .tmp_kallsyms2.S .tmp_kallsyms3.S; then
		echo "link-keel.sh: kallsyms: symbol addresses moved between links" >&2
		exit 1
	fi
	rm -f .tmp_keel1 .tmp_keel2 .tmp_kallsyms3.S
else
	link "${out}"
fi

${NM} -n "${out}" | grep -v ' [aNUw] ' > System.map
