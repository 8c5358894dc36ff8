"""What the ground floor needs to say a value is bad: ParamsError, and the text of a number
as a person or a program writes it (ASCII only). The checks that use them for every way
in (files, URL, messages, fields, CLI) are nnsine.formats.checks, which re-exports both."""

from __future__ import annotations

import re

# A number as a person or a program writes it, in ASCII only (Python's float() would also
# read '٣' and '６', which no learner means as a digit).
NUMBER_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


class ParamsError(ValueError):
    """A value (or a fit) that cannot be used; the message names the problem and where."""
