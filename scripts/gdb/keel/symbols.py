# SPDX-License-Identifier: GPL-2.0
"""lx-symbols: (re)load keel's symbols, after a rebuild for instance.
Keel has no loadable modules, so the image is all there is to load."""
import os

import gdb


class LxSymbols(gdb.Command):
    """(Re)load symbols of keel: lx-symbols [IMAGE]

IMAGE defaults to the file gdb was started on, else ./keel."""

    def __init__(self):
        super().__init__("lx-symbols", gdb.COMMAND_FILES,
                         gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        image = arg.strip() or gdb.current_progspace().filename or "keel"
        if not os.path.exists(image):
            raise gdb.GdbError("lx-symbols: %s not found" % image)
        gdb.write("loading %s\n" % image)
        gdb.execute("symbol-file %s" % image, to_string=True)


LxSymbols()
