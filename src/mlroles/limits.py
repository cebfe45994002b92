"""Limits on what mlroles reads: small enough to refuse hostile input early."""

MAX_FILE_BYTES = 1024 * 1024
"""Catalogue files larger than this are refused before they are read."""

MAX_DEPTH = 50
"""Deepest nesting of mappings and lists allowed (a catalogue needs about 6)."""

MAX_ALIASES = 100
"""Most alias references (`*name`) allowed in one file."""

MAX_NODES = 200_000
"""Most values a file may hold once aliases are expanded (stops "billion laughs")."""
