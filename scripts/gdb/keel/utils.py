# SPDX-License-Identifier: GPL-2.0
"""Shared helpers: reading kernel variables and memory."""
import gdb


def symbol_value(name):
    """The value of kernel variable @name, or a clear error."""
    try:
        return gdb.parse_and_eval(name)
    except gdb.error:
        raise gdb.GdbError("%s not found: is keel loaded with its symbols "
                           "(CONFIG_DEBUG_INFO=y)?" % name)


def read_memory(address, length):
    return bytes(gdb.selected_inferior().read_memory(int(address), length))


def read_string(value, limit=4096):
    """A NUL-terminated string in @value (a char array or pointer)."""
    if value.type.code == gdb.TYPE_CODE_ARRAY:
        limit = min(limit, value.type.sizeof)
        value = value.address
    return read_memory(value, limit).split(b"\0")[0].decode("utf-8",
                                                             "replace")


def field_offset(type_name, field):
    for f in gdb.lookup_type(type_name).fields():
        if f.name == field:
            return f.bitpos // 8
    raise gdb.GdbError("%s has no field %s" % (type_name, field))
