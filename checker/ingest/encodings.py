"""Bytes to text: a BOM first, then UTF-8, then what the bytes look like.

The order, and why:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) cannot be wrong, so
   it wins even over `--encoding`;
2. `--encoding NAME` (`forced`) is the user's word for everything else;
3. UTF-8: valid UTF-8 of any length is almost never another encoding;
4. the encoding a web page declares (`<meta charset>`), if its bytes decode;
5. charset-normalizer's best reading among the encodings Arabic and English
   news is saved in: Windows Arabic (cp1256), ISO-8859-6, Windows Western
   (cp1252, a superset of Latin-1 for text), and UTF-16 without a BOM when the
   bytes hold NULs (which 8-bit text never does, and UTF-16 text with spaces
   always does). A short list keeps a guess from landing on an encoding no
   newsroom uses, and lets the error name every encoding tried.

A file none of them reads is an InputError naming the file, the line of the
first byte that is not UTF-8, and the encodings tried.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from checker.errors import InputError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
# What legacy Arabic and English files are in, by charset-normalizer's codec names.
LEGACY = {"cp1256": "cp1256", "iso8859_6": "ISO-8859-6", "cp1252": "cp1252"}
WIDE = {"utf_16_le": "UTF-16 LE", "utf_16_be": "UTF-16 BE", "utf_8": "UTF-8"}


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _strict(data: bytes, encoding: str, label: str, path: Path, why: str, skip: int = 0) -> str:
    """data[skip:] decoded; an error names the byte of the whole file it stopped at."""
    try:
        return data[skip:].decode(encoding)
    except UnicodeError as exc:
        start = skip + getattr(exc, "start", 0)
        raise InputError(f"not valid {label} (byte {start}), {why}", path, _line_of(data, start)) from None


def _detected(data: bytes) -> str | None:
    from charset_normalizer import (
        from_bytes,  # imported only for a file that is not UTF-8
    )

    candidates = [*LEGACY, *(WIDE if b"\0" in data else ())]
    best = from_bytes(data, cp_isolation=candidates).best()
    return None if best is None else str(best)


def decode(data: bytes, path: Path, forced: str | None = None, declared: str | None = None) -> str:
    """The text of an article file's bytes (see the module's docstring for the order)."""
    for mark, encoding, label in BOMS:
        if data.startswith(mark):
            return _strict(data, encoding, label, path, f"though the file starts with a {label} BOM", len(mark))
    if forced is not None:
        return _strict(data, forced, forced, path, "the encoding given with --encoding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        # NULs: UTF-16 without a BOM is valid UTF-8 too; the detector tells them apart.
        return text if "\0" not in text else (_detected(data) or text)
    if declared is not None:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: the bytes are read as if there were none
    detected = _detected(data)
    if detected is not None:
        return detected
    tried = [*LEGACY.values(), *(["UTF-16 LE", "UTF-16 BE"] if b"\0" in data else [])]
    raise InputError(f"not UTF-8 (byte {first_bad}), nor text in {', '.join(tried[:-1])} or {tried[-1]} (the "
                     "encodings tried); save it as UTF-8, or name its encoding with --encoding NAME",
                     path, _line_of(data, first_bad))
