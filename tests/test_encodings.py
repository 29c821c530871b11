"""Encodings: a BOM honoured, UTF-8 first, legacy Arabic and Western files detected,
--encoding to force one, and a file no encoding reads named with the ones tried."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import InputError
from checker.ingest import load_articles
from checker.ingest.encodings import decode
from checker.ingest.pages import declared_charset

ARABIC = ("لقي 23 شخصًا على الأقل مصرعهم وأصيب 140 آخرون عندما انهار سد نورثغيت فوق مدينة ريفرتون فجر "
          "الجمعة، بحسب ما أعلن حاكم الإقليم.\nوأجلت فرق الإنقاذ نحو 3000 من السكان.\n")
SHORT_ARABIC = "قتل 23 شخصا في الفيضانات.\n"
ENGLISH = "The café in Zürich hired 30 people, said the naïve manager: “more to come”.\n"
BINARY = b"%PDF-1.7\n" + random.Random(0).randbytes(200)


@pytest.mark.parametrize("text, data", [
    (ARABIC, ARABIC.encode("utf-8")),
    (ARABIC, codecs.BOM_UTF8 + ARABIC.encode("utf-8")),
    (ARABIC, ARABIC.encode("utf-16")),  # with the machine's BOM
    (ARABIC, codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")),
    (ARABIC, codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be")),
    (ARABIC, codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le")),
    (ARABIC, ARABIC.encode("utf-16-le")),  # no BOM: its NULs say it is not 8-bit text
    (ARABIC, ARABIC.encode("cp1256")),
    (ARABIC, ARABIC.encode("iso-8859-6")),
    (SHORT_ARABIC, SHORT_ARABIC.encode("cp1256")),
    (SHORT_ARABIC, SHORT_ARABIC.encode("iso-8859-6")),
    (ENGLISH, ENGLISH.encode("cp1252")),
    (ENGLISH, ENGLISH.encode("utf-16-be")),
])
def test_the_text_is_read_whatever_it_was_saved_in(text, data):
    assert decode(data, Path("a.txt")) == text


def test_a_forced_encoding_is_used_and_a_bom_still_wins():
    data = "café".encode("cp1256")
    assert decode(data, Path("a.txt"), forced="cp1256") == "café"
    assert decode(codecs.BOM_UTF8 + "café".encode(), Path("a.txt"), forced="cp1256") == "café"
    with pytest.raises(InputError, match=r"a.txt:2: not valid utf-8 \(byte 7\), the encoding given with --encoding"):
        decode(b"line 1\n\xff", Path("a.txt"), forced="utf-8")


def test_a_page_is_read_in_the_encoding_it_declares():
    page = "<html><head><meta charset='windows-1256'></head><body><p>قتل 23</p></body></html>"
    data = page.encode("cp1256")
    assert declared_charset(data) == "windows-1256"
    assert decode(data, Path("a.html"), declared=declared_charset(data)) == page
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'
    assert declared_charset(http_equiv) == "ISO-8859-6"


def test_bytes_no_encoding_reads_are_named_with_the_encodings_tried():
    with pytest.raises(InputError) as caught:
        decode(BINARY, Path("a.txt"))
    assert str(caught.value) == ("a.txt:2: not UTF-8 (byte 9), nor text in cp1256, ISO-8859-6 or cp1252 (the "
                                 "encodings tried); save it as UTF-8, or name its encoding with --encoding NAME")


def test_a_broken_utf16_file_names_its_bom():
    with pytest.raises(InputError, match=r"not valid UTF-16 LE \(byte 6\), though the file starts with a "
                                         "UTF-16 LE BOM"):
        decode(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8", Path("a.txt"))


def claims_of(tmp_path: Path, name: str, data: bytes, *extra: str) -> tuple[int, list[tuple], str]:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "a.txt").write_bytes(data)
    report = tmp_path / f"{name}.json"
    status = main(["check", str(folder), "-o", str(tmp_path / f"{name}.md"), "--json", str(report),
                   "--fail-on", "never", *extra])
    claims = json.loads(report.read_text(encoding="utf-8"))["claims"]
    return status, [(c["predicate"], c["value"]["text"], c["quote"], c["span"]) for c in claims], str(folder)


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "iso-8859-6"])
def test_arabic_saved_in_a_legacy_encoding_gives_the_claims_of_utf8(tmp_path, encoding):
    _, expected, _ = claims_of(tmp_path, "utf8", ARABIC.encode("utf-8"))
    status, got, _ = claims_of(tmp_path, "legacy", ARABIC.encode(encoding))
    assert status == 0 and expected and got == expected


def test_encoding_forces_a_reading_the_bytes_would_not_give(tmp_path, capsys):
    data = ARABIC.encode("cp1256")
    _, expected, _ = claims_of(tmp_path, "utf8", ARABIC.encode("utf-8"))
    status, got, _ = claims_of(tmp_path, "forced", data, "--encoding", "windows-1256")
    assert status == 0 and got == expected
    status, got, _ = claims_of(tmp_path, "wrong", data, "--encoding", "cp1252")
    assert status == 0 and got != expected  # forced is forced: mojibake, the user's word


def test_an_unknown_encoding_name_is_bad_usage(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["check", str(tmp_path), "--encoding", "klingon-8"])
    assert caught.value.code == 2
    assert "unknown text encoding 'klingon-8'" in capsys.readouterr().err


def test_an_undecodable_file_costs_only_itself(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "wide.md").write_bytes(("---\nsource: X\n---\n" + ARABIC).encode("utf-16"))
    (folder / "binary.txt").write_bytes(BINARY)
    report = tmp_path / "r.json"
    status = main(["check", str(folder), "-o", str(tmp_path / "r.md"), "--json", str(report)])
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert err.strip().splitlines()[0] == (f"factcheck: {folder / 'binary.txt'}:2: not UTF-8 (byte 9), nor text in cp1256, "
                           "ISO-8859-6 or cp1252 (the encodings tried); save it as UTF-8, or name its encoding "
                           "with --encoding NAME")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert {a["id"]: a["source"] for a in data["articles"]} == {"good": None, "wide": "X"}


def test_sources_yaml_saved_in_cp1256_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "sources.yaml").write_bytes("a:\n  source: صحيفة الساحل\n".encode("cp1256"))
    [article], problems = load_articles([tmp_path])
    assert not problems and article.source == "صحيفة الساحل"
