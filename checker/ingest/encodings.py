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
import re
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


# A UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no surrogates).
_UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
# Of the bytes past ASCII, the share that must be whole UTF-8 sequences for a file that
# fails to decode to be damaged UTF-8 rather than another encoding. Text saved in
# cp1256 or cp1252 forms a UTF-8 sequence only now and then ("ة،"), far below this.
DAMAGED_UTF8_SHARE = 0.9
_FRONT_MATTER_RE = re.compile(rb"\A---[ \t]*(?:\r\n|\r|\n)(?:.*?(?:\r\n|\r|\n))??---[ \t]*(?:\r\n|\r|\n|\Z)", re.S)


_HIGH_BYTES = [bytes([b]) for b in range(0x80, 0x100)]


def _position(data: bytes, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte of mostly-UTF-8 text."""
    start = max(data.rfind(b"\n", 0, index), data.rfind(b"\r", 0, index)) + 1
    line = len(re.findall(rb"\r\n|\r|\n", data[:start])) + 1
    return line, len(data[start:index].decode("utf-8", "replace")) + 1


def _damaged_utf8(data: bytes, first_bad: int, path: Path, front_matter: bool) -> None:
    """Raise for UTF-8 with a few bytes that are not: most of the file is UTF-8 (its bytes
    past ASCII are whole UTF-8 sequences), or, in a Markdown file, all but its front
    matter is (YAML is UTF-8). Guessing another encoding would misread all the rest."""
    high = sum(data.count(byte) for byte in _HIGH_BYTES)
    whole = sum(len(m) for m in _UTF8_SEQUENCE_RE.findall(data))
    in_front = False
    if front_matter:
        found = _FRONT_MATTER_RE.match(data)
        if found is not None and first_bad < found.end():
            try:
                data[found.end():].decode("utf-8")
                in_front = True
            except UnicodeDecodeError:
                pass
    if in_front or (whole >= 2 and whole >= DAMAGED_UTF8_SHARE * high):
        line, column = _position(data, first_bad)
        where = ("in the front matter, though the text after it is UTF-8" if in_front
                 else "though the rest of the file is UTF-8")
        raise InputError(f"not valid UTF-8: byte 0x{data[first_bad]:02X} {where}; fix the damaged bytes, "
                         "or name the file's encoding with --encoding NAME", path, line, column)


def decode(data: bytes, path: Path, forced: str | None = None, declared: str | None = None,
           front_matter: bool = False) -> str:
    """The text of an article file's bytes (see the module's docstring for the order);
    `front_matter`: the file may open with YAML front matter, which must be UTF-8."""
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
    _damaged_utf8(data, first_bad, path, front_matter)
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
