"""Reading a job ad for `mlroles triage`: from a file, a pipe or stdin, as text.

An ad is anyone's file. It is read without waiting on a FIFO nobody writes to, refused if
it is a device, a directory or over the size limit, and decoded as UTF-8 (or UTF-16/32
when it starts with a byte-order mark, as Windows editors save "Unicode" text). A web page
(a posting saved from a browser, or fetched with curl) is read as the ad it holds (`adhtml`).
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path

from .errors import MlrolesError

MAX_AD_BYTES = 256 * 1024

# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Documents people are sent job ads in, which triage does not read: what to do instead.
_DOCUMENTS = (
    (
        b"%PDF-",
        "a PDF",
        "Save its text first, e.g. 'pdftotext ad.pdf ad.txt', or copy it from a viewer.",
    ),
    (
        b"PK\x03\x04",
        "a zip archive (a Word or OpenDocument file?)",
        "Save the ad as plain text or as a web page from the word processor.",
    ),
    (b"{\\rtf", "an RTF document", "Save the ad as plain text from the word processor."),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 document", "Save the ad as plain text from Word."),
)


class AdError(MlrolesError):
    """The job ad cannot be read."""


def read_ad(source: str) -> str:
    """The text of the ad at `source`, a path or `-` for stdin."""
    if source == "-":
        return decode_ad(_read_stdin(), "stdin")
    return decode_ad(_read_path(Path(source), source), source)


def _read_stdin() -> bytes:
    stream = sys.stdin
    try:
        if stream is None:
            raise OSError("stdin is closed")
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read(MAX_AD_BYTES + 1)
            return data
        return stream.read(MAX_AD_BYTES + 1).encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as exc:
        message = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise AdError(f"cannot read the ad from stdin: {message}.") from None


def _read_path(path: Path, name: str) -> bytes:
    """The ad's bytes. A FIFO is opened without blocking: with no writer, it reads as
    empty at once instead of hanging; a pipe with a writer (`<(curl ...)`) reads as usual."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise AdError(f"{name}: no such file.") from None
    except OSError as exc:
        raise AdError(f"{name}: cannot read: {exc.strerror or exc}.") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise AdError(f"{name}: is a directory, not a job ad.")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise AdError(
                f"{name}: not a file (a device or socket).", hint="Give a file, or - for stdin."
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # now wait for a writer that is there
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_AD_BYTES:
            chunk = os.read(fd, MAX_AD_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise AdError(f"{name}: cannot read: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)


def decode_ad(raw: bytes, name: str) -> str:
    """The ad's text, or an error that says why it is not a readable text file."""
    start = raw[:64].removeprefix(codecs.BOM_UTF8).lstrip()
    for magic, kind, how in _DOCUMENTS:  # before the size: most such files are over it
        if start.startswith(magic):
            raise AdError(f"{name}: {kind}, not a text job ad.", hint=how)
    if len(raw) > MAX_AD_BYTES:  # only the limit and one byte more were read
        raise AdError(f"{name}: over the {MAX_AD_BYTES}-byte limit for an ad.")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)  # the codec reads the mark and drops it
            except UnicodeDecodeError as exc:
                raise AdError(
                    f"{name}: not valid {encoding.upper()} text at offset {exc.start}.",
                    hint="Save the ad as UTF-8 text or Markdown.",
                ) from None
            return _ad_text(text.lstrip("\ufeff"), name)
    if b"\x00" in raw:
        raise AdError(f"{name}: looks like a binary file, not a text job ad.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AdError(
            f"{name}: not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}.",
            hint="Save the ad as UTF-8 text or Markdown.",
        ) from None
    return _ad_text(text, name)


def _ad_text(text: str, name: str) -> str:
    """The decoded ad as triage reads it: refused if empty or binary, and a web page read
    as the posting it holds."""
    if not text.strip():
        raise AdError(f"{name}: the ad is empty.")
    if "\x00" in text:
        raise AdError(f"{name}: looks like a binary file, not a text job ad.")
    from .adhtml import looks_like_html, page_text

    if looks_like_html(text):
        text = page_text(text)
        if not text.strip():
            raise AdError(f"{name}: the web page holds no text.", hint="Save the ad as text.")
    return text
