"""Strict, precise input (issue 18, part 6): metadata fields hold what they are meant to,
a key written twice and bytes that are not UTF-8 in a UTF-8 file are problems at
file:line:col costing that article only, and a carriage return alone ends a line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.ingest import load_articles
from checker.ingest.jsonplaces import json_places

GOOD = {
    "good_a.md": "---\nsource: Outlet A\npublished: 2025-03-01\n---\nFloods killed 12 people, officials said.\n",
    "good_b.md": "---\nsource: Outlet B\npublished: 2025-03-01\n---\nFloods killed 14 people, the mayor said.\n",
}
BODY = "Floods killed 13 people, officials said.\n"


def checked(tmp_path: Path, files: dict[str, str | bytes], capsys) -> tuple[int, list[str], dict]:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, content in {**GOOD, **files}.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    js = tmp_path / "r.json"
    status = main(["check", str(folder), "-o", str(tmp_path / "r.md"), "--json", str(js), "--project", str(tmp_path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    data = json.loads(js.read_text(encoding="utf-8"))
    assert {"good_a", "good_b"} <= {a["id"] for a in data["articles"]}
    assert any(f["kind"] == "conflict" for f in data["findings"])  # the good articles are checked
    return status, [line.replace(f"{folder}/", "") for line in err.splitlines()], data


@pytest.mark.parametrize("name, content, message", [
    ("list.md", f"---\nsource: [Herald, Courier]\n---\n{BODY}",
     "list.md:2:9: 'source' must be text, got a list ([\"Herald\", \"Courier\"]); put it in quotes if it is meant as text"),
    ("number.md", f"---\nsource: 2024\n---\n{BODY}",
     "number.md:2:9: 'source' must be text, got a number (2024); put it in quotes if it is meant as text"),
    ("mapping.md", f"---\ntitle: {{main: Floods}}\n---\n{BODY}",
     "mapping.md:2:8: 'title' must be text, got a mapping ({\"main\": \"Floods\"}); put it in quotes if it is "
     "meant as text"),
    ("flag.md", f"---\nbyline: yes\n---\n{BODY}",
     "flag.md:2:9: 'byline' must be text, got true or false (true); put it in quotes if it is meant as text"),
    ("seven.md", f"---\nlang: 7\n---\n{BODY}",
     "seven.md:2:7: 'lang' must be a language code such as ar or en, got a number (7)"),
    ("french.md", f"---\nlang: fr\n---\n{BODY}",
     "french.md:2:7: 'lang': no lexicon for the language 'fr' (the checker reads ar, en); leave 'lang' out to "
     "have it detected"),
    ("twice.md", f"---\nsource: A\ntitle: T\nsource: B\n---\n{BODY}",
     "twice.md:4:1: duplicate key 'source' (also on line 2): write each key once"),
    ("twice.json", '{"text": "Floods killed 13 people.",\n  "source": "A",\n  "source": "B"}',
     "twice.json:3:3: duplicate key 'source' (also on line 2): write each key once"),
    ("nested.json", '{"text": "Floods killed 13 people.", "extra": {"a": 1,\n "a": 2}}',
     "nested.json:2:2: duplicate key 'a' (also on line 1): write each key once"),
    ("number.json", '{"text": "Floods killed 13 people.",\n "source": 12}',
     "number.json:2:2: 'source' must be text, got a number (12); put it in quotes if it is meant as text"),
    ("bytes.md", b"---\nsource: \xff Herald\n---\n" + BODY.encode(),
     "bytes.md:2:9: not valid UTF-8: byte 0xFF in the front matter, though the text after it is UTF-8; fix the "
     "damaged bytes, or name the file's encoding with --encoding NAME"),
    ("damaged.txt", "قتل 13 شخصا في الفيضانات، ".encode() + b"\xd9" + "وقال المسؤولون إن العدد قد يرتفع.\n".encode(),
     "damaged.txt:1:27: not valid UTF-8: byte 0xD9 though the rest of the file is UTF-8; fix the damaged bytes, "
     "or name the file's encoding with --encoding NAME"),
])
def test_a_field_of_the_wrong_kind_costs_its_article_alone(tmp_path, capsys, name, content, message):
    status, err, data = checked(tmp_path, {name: content}, capsys)
    assert status == 2
    assert err[0] == f"factcheck: {message}"
    assert Path(name).stem not in {a["id"] for a in data["articles"]}
    assert [Path(p["path"]).name for p in data["problems"]] == [name]


def test_sources_yaml_fields_cost_only_their_own_article(tmp_path, capsys):
    status, err, data = checked(tmp_path, {
        "i.txt": "Floods killed 13 people, officials said.\n", "j.txt": "Floods killed 13 people, officials said.\n",
        "k.txt": "Floods killed 13 people, officials said.\n",
        "sources.yaml": "i:\n  source: A\n  source: B\nj:\n  source: [x]\nk:\n  source: Gazette\n  lang: en\n"}, capsys)
    assert status == 2
    assert err[:2] == ["factcheck: sources.yaml:3:3: duplicate key 'source' (also on line 2): write each key once",
                       "factcheck: sources.yaml:5:11: 'source' of 'j' must be text, got a list ([\"x\"]); put it "
                       "in quotes if it is meant as text"]
    assert {a["id"]: a["source"] for a in data["articles"]}["k"] == "Gazette"


def test_an_article_id_listed_twice_in_sources_yaml(tmp_path, capsys):
    status, err, data = checked(tmp_path, {
        "i.txt": BODY, "k.txt": BODY, "sources.yaml": "i:\n  source: A\nk:\n  source: K\ni:\n  source: B\n"}, capsys)
    assert status == 2 and err[0] == "factcheck: sources.yaml:5:1: duplicate key 'i' (also on line 1): write each key once"
    assert {a["id"]: a["source"] for a in data["articles"]}["k"] == "K"


def test_a_language_code_is_read_as_the_checker_names_it(tmp_path, capsys):
    status, err, data = checked(tmp_path, {"gb.md": f"---\nlang: EN-gb\n---\n{BODY}"}, capsys)
    assert status == 1 and {a["id"]: a["lang"] for a in data["articles"]}["gb"] == "en"


def test_carriage_returns_alone_end_lines(tmp_path, capsys):
    text = "---\rsource: The Herald\rpublished: 2025-03-01\r---\rFloods killed 13 people.\r\rOfficials said 40 homes were destroyed.\r"
    status, err, data = checked(tmp_path, {"mac.md": text}, capsys)
    article = {a["id"]: a for a in data["articles"]}["mac"]
    assert (article["source"], article["published"]) == ("The Herald", "2025-03-01")
    quotes = [c["quote"] for c in data["claims"] if c["article"] == "mac"]
    assert quotes == ["Floods killed 13 people.", "Officials said 40 homes were destroyed."]
    assert [c["line"] for c in data["claims"] if c["article"] == "mac"] == [1, 3]


def test_legacy_encodings_are_still_read(tmp_path):
    (tmp_path / "a.md").write_bytes("---\nsource: Café\n---\nThe café in Zürich hired 30 people.\n".encode("cp1252"))
    (tmp_path / "b.md").write_bytes("---\nsource: صحيفة\n---\nقتل 23 شخصا، وقال المحافظ؟ نعم.\n".encode("cp1256"))
    articles, problems = load_articles([tmp_path], languages={"ar", "en"})
    assert not problems and [a.source for a in articles] == ["Café", "صحيفة"]


@pytest.mark.parametrize("text, keys, duplicates", [
    ('{"a": 1, "b": {"a": 2}}', {("a",): (1, 2), ("b",): (1, 10), ("b", "a"): (1, 16)}, {}),
    ('{"a": [{"x": 1}, {"x": 2, "x": 3}]}', {("a",): (1, 2), ("a", 0, "x"): (1, 9), ("a", 1, "x"): (1, 27)},
     {("a", 1, "x"): ((1, 19), (1, 27))}),
    ('{"k\\u00e9": "{[,:", "k\\u00e9": 1}', {("ké",): (1, 21)}, {("ké",): ((1, 2), (1, 21))}),
])
def test_json_places(text, keys, duplicates):
    places = json_places(text, "a.json")
    assert places.keys == keys and places.duplicates == duplicates


def test_a_rule_file_with_a_key_twice(tmp_path, capsys):
    rules = tmp_path / "r.yaml"
    rules.write_text("rules:\n  - id: x\n    kind: numeric\n    severity: warning\n    severity: info\n", encoding="utf-8")
    assert main(["rules", "validate", str(rules)]) == 2
    assert capsys.readouterr().err == f"{rules}:5:5: duplicate key 'severity' (also on line 4): write each key once\n"
