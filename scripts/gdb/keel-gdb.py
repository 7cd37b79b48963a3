# SPDX-License-Identifier: GPL-2.0
#
# gdb helpers for debugging Keel, in the spirit of Linux's scripts/gdb
# (vmlinux-gdb.py): load this file into a gdb session on keel, e.g.
#
#   gdb -x scripts/gdb/keel-gdb.py -ex 'target remote :1234' keel
#
# ("make debug" does it).  "apropos lx" lists the commands.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

import keel.utils    # noqa: F401,E402
import keel.dmesg    # noqa: F401,E402
import keel.symbols  # noqa: F401,E402
import keel.proc     # noqa: F401,E402
import keel.config   # noqa: F401,E402
