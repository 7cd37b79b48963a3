# SPDX-License-Identifier: GPL-2.0
# Keel's gdb helpers; scripts/gdb/keel-gdb.py loads them.
