# SPDX-License-Identifier: GPL-2.0
"""lx-configdump: write the .config built into the image
(CONFIG_IKCONFIG) to a file, as Linux's command of that name does."""
import zlib

import gdb

from keel import utils


class LxConfigDump(gdb.Command):
    """Write the kernel's built-in .config to a file: lx-configdump [FILE]

FILE defaults to config.txt.  Needs CONFIG_IKCONFIG=y."""

    def __init__(self):
        super().__init__("lx-configdump", gdb.COMMAND_DATA,
                         gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        name = arg.strip() or "config.txt"
        start = utils.symbol_value("(unsigned long)&kernel_config_data")
        end = utils.symbol_value("(unsigned long)&kernel_config_data_end")
        data = utils.read_memory(start, int(end) - int(start))
        text = zlib.decompress(data, 16 + zlib.MAX_WBITS)
        with open(name, "wb") as f:
            f.write(text)
        gdb.write("wrote %d bytes of .config to %s\n" % (len(text), name))


LxConfigDump()
