#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# decode_stacktrace.sh IMAGE < log: copy a log (an oops, a WARN, a panic)
# to the output with file:line appended to each line naming func+off/size,
# as Linux's script of this name does.  IMAGE is the keel the log came
# from, built with CONFIG_DEBUG_INFO.
#
#   scripts/decode_stacktrace.sh build/keel < oops.log
#
# The work is done by scripts/faddr2line --decode.

if [ $# -ne 1 ] || [ ! -r "$1" ]; then
	echo "Usage: $(basename "$0") IMAGE < log" >&2
	exit 2
fi
exec python3 "$(dirname "$0")/faddr2line" --decode "$1"
