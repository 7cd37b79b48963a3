# SPDX-License-Identifier: GPL-2.0
"""lx-cmdline and lx-version: the kernel command line and the banner, as
/proc/cmdline and /proc/version show them."""
import gdb

from keel import utils


class LxCmdLine(gdb.Command):
    """Print the kernel command line (boot_command_line)."""

    def __init__(self):
        super().__init__("lx-cmdline", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write(utils.read_string(utils.symbol_value("boot_command_line"))
                  + "\n")


class LxVersion(gdb.Command):
    """Print the kernel's version banner (keel_banner)."""

    def __init__(self):
        super().__init__("lx-version", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write(utils.read_string(utils.symbol_value("keel_banner")))


LxCmdLine()
LxVersion()
