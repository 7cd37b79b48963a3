# SPDX-License-Identifier: GPL-2.0
"""lx-dmesg: print the kernel log from printk's ring buffer
(kernel/printk/printk.c: records from log_first_idx, one struct
printk_log header then the text each, a zero length marking a wrap)."""
import struct

import gdb

from keel import utils


class LxDmesg(gdb.Command):
    """Print Keel's kernel log buffer, as dmesg would."""

    def __init__(self):
        super().__init__("lx-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = utils.symbol_value("log_buf")
        size = buf.type.sizeof
        data = utils.read_memory(buf.address, size)
        idx = int(utils.symbol_value("log_first_idx"))
        count = int(utils.symbol_value("log_next_seq")) - \
            int(utils.symbol_value("log_first_seq"))
        hdr = gdb.lookup_type("struct printk_log").sizeof
        off = {f: utils.field_offset("struct printk_log", f)
               for f in ("ts_nsec", "len", "text_len")}
        out = []
        for _ in range(count):
            if idx + hdr > size:
                break
            if struct.unpack_from("<H", data, idx + off["len"])[0] == 0:
                idx = 0
            ts, = struct.unpack_from("<Q", data, idx + off["ts_nsec"])
            length, = struct.unpack_from("<H", data, idx + off["len"])
            text_len, = struct.unpack_from("<H", data, idx + off["text_len"])
            if not length:
                break
            text = data[idx + hdr:idx + hdr + text_len].decode(
                "utf-8", "replace")
            for line in text.rstrip("\n").split("\n"):
                out.append("[%5d.%06d] %s\n" % (ts // 1000000000,
                                                ts % 1000000000 // 1000,
                                                line))
            idx += length
        gdb.write("".join(out))


LxDmesg()
