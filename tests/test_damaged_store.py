"""A damaged store is one line naming it and what to do (issue 18, part 8): pages of the
file overwritten at random, a claim or a column changed by hand; `check --against` and
`index` alike exit 2 with "this store is damaged ... index the articles again", never an
internal error, and never a report built on what the damage left."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from conftest import ROOT

from checker.cli import main

STORY = ROOT / "tests" / "articles" / "quake_en"
PAGE = 4096


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> tuple[Path, Path]:
    """A store of a story's articles but one, and that one as a draft."""
    root = tmp_path_factory.mktemp("store")
    sources = root / "sources"
    shutil.copytree(STORY, sources)
    draft = root / "draft.txt"
    shutil.move(sources / "en_quake_c.txt", draft)
    store = root / "archive.db"
    assert main(["index", str(sources), "--store", str(store), "--jobs", "1"]) == 0
    return store, draft


def against(store: Path, draft: Path, tmp_path: Path, capsys) -> tuple[int, str]:
    status = main(["check", "--draft", str(draft), "--against", str(store), "-o", str(tmp_path / "r.md")])
    return status, capsys.readouterr().err


def index(store: Path, tmp_path: Path, capsys) -> tuple[int, str]:
    sources = tmp_path / "more"
    if not sources.exists():
        shutil.copytree(STORY, sources)
    status = main(["index", str(sources), "--store", str(store), "--jobs", "1"])
    return status, capsys.readouterr().err


def damaged_line(err: str, store: Path) -> bool:
    """One line that names the store, says it is damaged (or no store) and what to do."""
    lines = err.splitlines()
    return (len(lines) == 1 and lines[0].startswith(f"factcheck: {store}: ")
            and ("this store is damaged" in lines[0] and "index the articles again into a new store" in lines[0]
                 or "not a factcheck store" in lines[0]))


@pytest.mark.parametrize("seed", range(24))
def test_random_pages_overwritten(indexed, tmp_path, capsys, seed):
    source, draft = indexed
    store = tmp_path / "archive.db"
    shutil.copy(source, store)
    data = bytearray(store.read_bytes())
    rng = random.Random(seed)
    page = rng.randrange(len(data) // PAGE)
    for _ in range(rng.randint(1, 200)):
        data[page * PAGE + rng.randrange(PAGE)] = rng.randrange(256)
    store.write_bytes(bytes(data))
    for status, err in (against(store, draft, tmp_path, capsys), index(store, tmp_path, capsys)):
        assert "internal error" not in err and "Traceback" not in err
        assert status in (0, 1) or (status == 2 and damaged_line(err, store)), err


def _tamper(store: Path, change) -> None:
    with sqlite3.connect(store) as connection:
        row, digest = connection.execute("SELECT id, digest FROM articles ORDER BY id LIMIT 1").fetchone()
        body = json.loads(zlib.decompress(digest))
        change(body)
        connection.execute("UPDATE articles SET digest = ? WHERE id = ?",
                           (zlib.compress(json.dumps(body, ensure_ascii=False).encode()), row))


@pytest.mark.parametrize("change", [
    lambda body: body["claims"][0]["value"].update(low=99999.0, high=99999.0),  # a figure changed by hand
    lambda body: body["claims"][0].update(span=[0, 10**9]),  # a quote that is not in the text
    lambda body: body["claims"].append(dict(body["claims"][0], id="forged#1")),  # a claim added
])
def test_a_claim_changed_by_hand(indexed, tmp_path, capsys, change):
    source, draft = indexed
    store = tmp_path / "archive.db"
    shutil.copy(source, store)
    _tamper(store, change)
    status, err = against(store, draft, tmp_path, capsys)
    assert status == 2 and damaged_line(err, store)
    assert "no longer matches its checksum: it changed after it was indexed" in err
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize("sql, words", [
    ("UPDATE articles SET meta = CAST(X'7B22FF22' AS TEXT), hash = CAST(X'FFFE' AS TEXT)", "damaged"),
    ("UPDATE articles SET text = X'00010203'", "does not read back"),
])
def test_a_column_changed_by_hand(indexed, tmp_path, capsys, sql, words):
    source, draft = indexed
    store = tmp_path / "archive.db"
    shutil.copy(source, store)
    with sqlite3.connect(store) as connection:
        connection.execute(sql)
    status, err = against(store, draft, tmp_path, capsys)
    assert status == 2 and damaged_line(err, store) and words in err
    if words == "damaged":  # a hash that is no longer text stops index too
        status, err = index(store, tmp_path, capsys)
        assert status == 2 and damaged_line(err, store), err
