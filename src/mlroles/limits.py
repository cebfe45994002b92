"""Limits on what mlroles reads: small enough to refuse hostile input early.

A catalogue file may be as large as a real catalogue gets (ESCO's 3,000 occupations and
14,000 skills export to about 60 MB): what stops a hostile file is not its size but the
limits on nesting, aliases and expanded values below, which are checked before any object
is built.
"""

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Catalogue files larger than this (256 MiB) are refused before they are read."""

MAX_DEPTH = 50
"""Deepest nesting of mappings and lists allowed (a catalogue needs about 6)."""

MAX_ALIASES = 100
"""Most alias references (`*name`) allowed in one file."""

MAX_NODES = 200_000
"""Most values a file may hold once aliases are expanded (stops "billion laughs"), unless
the file itself is larger: without aliases every value takes at least one byte of the file,
so a file may always hold as many values as it has bytes (see `max_values`)."""


def max_values(file_bytes: int) -> int:
    """The most values a file of `file_bytes` bytes may expand to: aliases may never
    make a file hold more values than it could spell out."""
    return max(MAX_NODES, file_bytes)
