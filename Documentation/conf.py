# SPDX-License-Identifier: GPL-2.0
# Sphinx configuration for "make htmldocs" (Documentation/Makefile.docs).
import re
from pathlib import Path

_makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
_v = dict(re.findall(r"^(VERSION|PATCHLEVEL|SUBLEVEL) = (\d+)$", _makefile,
                     re.M))

project = "Keel"
copyright = "The Keel authors, under GPL-2.0 (see COPYING)"
version = "%s.%s" % (_v["VERSION"], _v["PATCHLEVEL"])
release = "%s.%s" % (version, _v["SUBLEVEL"])

# The HTML goes to Documentation/output, in-tree builds included.
exclude_patterns = ["output"]
master_doc = "index"
# Literal blocks are shell sessions, C and console logs: no guessing.
highlight_language = "none"
html_theme = "alabaster"
html_title = "The Keel kernel %s documentation" % release
html_show_sourcelink = False
html_copy_source = False
