"""Random inputs for the ingest paths, and the property every run must keep.

Used by tests/test_fuzz.py (a few dozen examples, derandomized) and by
benchmarks/fuzz.py (a long campaign). The property: whatever lies beside two
good articles (random bytes, random Unicode with bidi marks, lone surrogates
and NULs, random front matter with keys twice, bytes that are not UTF-8 and any
line ends, JSON of any shape, saved web pages, figures past any float or split
by marks, a random sources.yaml, a random rule file), `factcheck check` exits
0, 1 or 2 without an internal error; the good articles are in the report; and
every file it was given is either read as an article or listed as a problem.
A store damaged at random (pages overwritten, cut short, columns and claims
changed by hand) gives `check --against` and `index` the same promise.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from hypothesis import strategies as st

import checker.knowledge
from checker.cli import main
from checker.knowledge.sources import read_lexicon_sources

GOOD = {
    "good_a.md": "---\nsource: Outlet A\npublished: 2025-03-01\n---\n"
                 "The company said it hired 300 workers on Monday, a spokesman said.\n",
    "good_b.md": "---\nsource: Outlet B\nlang: ar\n---\n"
                 "قالت الشركة إنها عينت 320 موظفا يوم الاثنين.\n",
}

# Characters that have broken text handling elsewhere: bidi controls, marks,
# NUL, a BOM, lone surrogates, Arabic digits and punctuation, braces, dashes.
ODD = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u200e", "\u200d", "\x00", "\ufeff",
       "\ud800", "\udfff", "\udc80", "\ud83d", "\u0301", "\u0651", "\n", "\r\n", "\r", "\t", "---", ".", "،", "؟", "٫", "٢٨",
       "{", "}", "{subject}", "%", "$", "300", "2025-02-30", "مليار", "million", "قتيلا", "killed", " "]

text = st.lists(st.one_of(st.characters(), st.sampled_from(ODD)), max_size=80).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text,
                    st.sampled_from(["2025-02-30", "2025-13-01", "2025-01-01", "ar", "en", "xx", ""]))
META_KEYS = st.one_of(st.sampled_from(["title", "source", "byline", "url", "published", "lang", "text"]), text)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(META_KEYS, inner, max_size=4)),
                      max_leaves=12)
# Sentences the checker reads claims from, to be mixed with odd text.
NEWS = ["The company said it hired 300 workers on Monday.", "At least 12 people were killed, officials said.",
        "قالت الشركة إنها عينت 320 موظفا يوم الاثنين.", "أودى الحريق بحياة 14 شخصًا.", "Orbis paid $40 million.",
        "ألكسندر وانغ، 28 عامًا، رئيس الذكاء الاصطناعي", "Dana Whitlock, 41, said it."]
news = st.lists(st.one_of(st.sampled_from(NEWS), text), min_size=1, max_size=6).map(" ".join)
# Metadata of the right keys, often of the wrong kind.
plausible_meta = st.fixed_dictionaries({}, optional={
    "title": st.one_of(text, news), "source": text, "byline": text, "url": text, "lang": scalars,
    "published": st.one_of(scalars, st.dates()), "extra": values})


def _encode(body: str) -> bytes:
    """UTF-8, with any lone surrogate kept as the (invalid) bytes an editor might write."""
    return body.encode("utf-8", "surrogatepass")


def _yaml_text(data: object) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return str(data)


@st.composite
def front_matter(draw) -> bytes:
    meta = draw(st.one_of(plausible_meta, st.dictionaries(META_KEYS, values, max_size=6), values))
    head = draw(st.one_of(st.just(_yaml_text(meta)), text))
    # A key written twice, a language the checker has no lexicon for.
    head += draw(st.sampled_from(["", "", "source: Twice\nsource: Again\n", "lang: fr\n", "lang: EN-gb\n"]))
    closing = draw(st.sampled_from(["---\n", "---\n", "--- \n", "", "...\n", "---"]))
    raw = _encode("---\n" + head + ("" if head.endswith("\n") else "\n") + closing + draw(st.one_of(news, figures)))
    ending = draw(st.sampled_from([b"\n", b"\n", b"\r\n", b"\r"]))
    raw = raw.replace(b"\n", ending)
    if draw(st.integers(0, 9)) == 0:  # a byte that is not UTF-8, in the front matter or after it
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xe9", b"\xd9"])) + raw[at:]
    return raw


@st.composite
def json_article(draw) -> bytes:
    # Mostly the right shape, so that odd text reaches the reports too.
    shape = draw(st.one_of(plausible_meta, plausible_meta, st.dictionaries(META_KEYS, values, max_size=6), values))
    if isinstance(shape, dict) and draw(st.integers(0, 3)):
        shape["text"] = draw(news)
    raw = json.dumps(shape, ensure_ascii=draw(st.booleans()), default=str)
    depth = draw(st.sampled_from([0] * 7 + [50, 101, 5000]))
    if depth:
        raw = '{"text": "x", "nested": ' + "[" * depth + "]" * depth + "}"
    return _encode(raw)


# Figures at the edges: past any float, signed, wrapped or split by bidi and zero-width
# marks, with scale words, in Arabic-Indic digits, as digit counts.
MARKS = ["\u200e", "\u200f", "\u061c", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00a0"]
digits = st.one_of(st.integers(0, 10**30).map(str), st.integers(1, 5000).map(lambda n: "9" * n),
                   st.integers(300, 500).map(lambda n: "1" + "0" * n), st.sampled_from(["2.5", "1,250", "14٫3", "٢٨"]))
figure = st.builds(lambda sign, mark, number, end, scale: f"{sign}{mark}{number}{end}{scale}",
                   st.sampled_from(["", "-", "+", "−", "–"]), st.sampled_from(["", *MARKS]), digits,
                   st.sampled_from(["", *MARKS, "%", ".5", "-figure"]),
                   st.sampled_from(["", " million", " billion", " مليار", " ألف", " في المئة"]))
figures = st.lists(st.one_of(
    st.builds(lambda f: f"Floods killed {f} people, officials said.", figure),
    st.builds(lambda f: f"أودى الحريق بحياة {f} شخصًا.", figure),
    st.builds(lambda f: f"Orbis paid ${f} for the plant, a spokesman said.", figure),
    st.sampled_from(NEWS)), min_size=1, max_size=5).map(" ".join)


@st.composite
def html_page(draw) -> bytes:
    """A saved page: metadata in meta tags, JSON-LD or <time>, a story of odd text and
    figures in paragraphs among navigation, scripts and comments, sometimes broken."""
    title = draw(st.one_of(text, news))
    meta = draw(st.lists(st.sampled_from([
        f'<meta property="og:site_name" content="{draw(text)}">', f'<meta name="author" content="{draw(text)}">',
        f'<meta property="article:published_time" content="{draw(scalars)}">',
        f'<link rel="canonical" href="{draw(text)}">', '<meta charset="windows-1256">',
        '<script type="application/ld+json">' + draw(st.one_of(st.just('{"@type": "NewsArticle", '
                                                                       '"datePublished": "2025-02-30"}'), text))
        + "</script>"]), max_size=4))
    paragraphs = draw(st.lists(st.one_of(news, figures, text), min_size=1, max_size=5))
    tags = [draw(st.sampled_from(["p", "p", "div", "li", "h2", "td"])) for _ in paragraphs]
    body = "".join(f"<{tag}>{p}</{tag if draw(st.integers(0, 9)) else 'p'}>" for tag, p in zip(tags, paragraphs))
    noise = draw(st.sampled_from(["", "<nav><a href='/'>Home</a></nav>", "<script>var x = '</p>';</script>",
                                  "<!-- 12 people -->", "<div class='related'><p>Floods killed 99 people.</p></div>",
                                  "<p>" * 200, "<time datetime='2025-13-01'>x</time>"]))
    page = (f"<!DOCTYPE html><html><head><title>{title}</title>{''.join(meta)}</head><body>{noise}"
            f"<article><h1>{title}</h1>{body}</article></body></html>")
    return draw(st.sampled_from([_encode(page), _encode(page[:len(page) // 2]), page.encode("utf-16", "surrogatepass")]))


SUFFIXES = st.sampled_from([".txt", ".md", ".json", ".TXT", ".html", ""])
article_files = st.one_of(
    st.tuples(SUFFIXES, st.binary(max_size=300)),
    st.tuples(st.just(".txt"), news.map(_encode)),
    st.tuples(st.just(".txt"), figures.map(_encode)),
    st.tuples(st.just(".txt"), st.tuples(figures, st.sampled_from(["\r", "\r\n", "\u2028"])).map(
        lambda pair: _encode(pair[0].replace(". ", "." + pair[1])))),
    st.tuples(st.just(".md"), front_matter()),
    st.tuples(st.just(".json"), json_article()),
    st.tuples(st.sampled_from([".html", ".htm"]), html_page()),
)


@st.composite
def sources_yaml(draw) -> bytes | None:
    ids = st.one_of(st.sampled_from(["r0", "r1", "r2", "r3"]), text)
    entries = st.one_of(plausible_meta, st.dictionaries(META_KEYS, values, max_size=5), values)
    data = draw(st.one_of(st.dictionaries(ids, entries, max_size=5), values))
    return draw(st.one_of(st.none(), st.just(_encode(_yaml_text(data))), text.map(_encode)))


RULE_KEYS = ["id", "kind", "severity", "message", "select", "tolerance", "about", "min_outlets", "min_sources",
             "target", "enabled", "names", "entity", "type", "lang", "add", "examples", "description"]
rule_values = st.one_of(
    values,
    st.sampled_from(["numeric", "categorical", "agreement", "corroboration", "alias", "lexicon", "override",
                     "error", "warning", "info", "numeric-conflict", "agreement", "age", "money", "count"]),
    st.sampled_from(["{predicate} of {subject}: {values}", "{", "}", "{unknown}", "{values!r}", "{0}"]),
    st.dictionaries(st.sampled_from(["relative", "absolute", "predicates", "units", "dimensions", "subjects",
                                     "conflict", "no_conflict", "predicates", "units", "triggers"]),
                    values, max_size=3),
    st.floats(allow_nan=True, allow_infinity=True),
)


@st.composite
def rule_file(draw) -> bytes | None:
    rules = draw(st.lists(st.dictionaries(st.sampled_from(RULE_KEYS), rule_values, max_size=7), max_size=3))
    doc = draw(st.one_of(st.just({"rules": rules}), values))
    return draw(st.one_of(st.none(), st.just(_encode(_yaml_text(doc))), text.map(_encode)))


@dataclass
class Outcome:
    status: int
    err: str
    report: dict | None
    given: list[Path] = field(default_factory=list)


@functools.lru_cache(maxsize=None)
def _shipped_lexicons(root: Path | None = None):
    return read_lexicon_sources(root)


@contextlib.contextmanager
def shipped_lexicons_once():
    """The shipped lexicons read once for the whole campaign: they are not what is fuzzed."""
    real = checker.knowledge.read_lexicon_sources
    checker.knowledge.read_lexicon_sources = _shipped_lexicons
    try:
        yield
    finally:
        checker.knowledge.read_lexicon_sources = real


def run_check(files: list[tuple[str, bytes]], sources: bytes | None, rules: bytes | None) -> Outcome:
    """`factcheck check` over the good articles and these files, in a fresh folder."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "story"
        folder.mkdir()
        for name, body in GOOD.items():
            (folder / name).write_text(body, encoding="utf-8")
        given = []
        for index, (suffix, body) in enumerate(files):
            path = folder / f"r{index}{suffix}"
            path.write_bytes(body)
            given.append(path)
        if sources is not None:
            (folder / "sources.yaml").write_bytes(sources)
        args = ["check", str(folder), "-o", str(root / "out" / "r.md"), "--json", str(root / "out" / "r.json"),
                "--project", str(root)]
        if rules is not None:
            (root / "rules.yaml").write_bytes(rules)
            args += ["--rules", str(root / "rules.yaml")]
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = main(args)
        report_path = root / "out" / "r.json"
        report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else None
        return Outcome(status, err.getvalue(), report, given)


def assert_property(outcome: Outcome, rules_given: bool) -> None:
    assert outcome.status in (0, 1, 2), outcome.status
    assert "internal error" not in outcome.err and "Traceback" not in outcome.err, outcome.err
    # One line a problem, each saying who it comes from.
    assert all(line.startswith("factcheck: ") for line in outcome.err.splitlines()), outcome.err
    if outcome.report is None:
        # Only a broken rule file stops a run before its report (docs/rules.md).
        assert rules_given and outcome.status == 2 and "rules.yaml" in outcome.err, outcome.err
        return
    ids = {a["id"] for a in outcome.report["articles"]}
    assert {Path(name).stem for name in GOOD} <= ids, outcome.err
    read = {a["path"] for a in outcome.report["articles"]}
    listed = {p["path"] for p in outcome.report["problems"]}
    for path in outcome.given:
        assert str(path) in read | listed, f"{path.name} neither read nor listed"
    if outcome.report["problems"]:
        assert outcome.status == 2


def run_validate(rules: bytes) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rules.yaml"
        path.write_bytes(rules)
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = main(["rules", "validate", str(path)])
        said = err.getvalue()
        # One line a problem, each naming the file.
        assert all(line.startswith(str(path)) for line in said.splitlines()), said
        return status, said


# Stores: an archive indexed from a small story, then damaged.
STORE_STORY = {
    "w1.md": "---\nsource: Wire One\npublished: 2025-03-01\n---\nOrbis Holdings said it hired 300 workers "
             "at its Marlow plant, chief executive Dana Whitlock said.\n",
    "w2.md": "---\nsource: Wire Two\npublished: 2025-03-02\n---\nOrbis Holdings hired 320 workers at the Marlow "
             "plant, Dana Whitlock told reporters.\n",
    "w3.md": "---\nsource: Wire Three\npublished: 2025-03-02\nlang: ar\n---\nقالت أوربيس هولدينغز إنها عينت 310 "
             "عمال في مصنع مارلو.\n",
}
STORE_DRAFT = ("---\nsource: Our desk\npublished: 2025-03-03\n---\nOrbis Holdings hired 350 workers at Marlow, "
               "Dana Whitlock said.\n")
COLUMNS = ["meta", "text", "digest", "hash", "knowledge", "published", "day", "path"]


@functools.lru_cache(maxsize=None)
def template_store() -> bytes:
    """The bytes of a store of STORE_STORY, indexed once."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        for name, body in STORE_STORY.items():
            (folder / name).write_text(body, encoding="utf-8")
        store = Path(tmp) / "a.db"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["index", str(folder), "--store", str(store), "--jobs", "1"]) == 0
        return store.read_bytes()


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(text, inner, max_size=3)), max_leaves=6)
store_edit = st.one_of(
    st.tuples(st.just("bytes"), st.integers(0, 40), st.lists(st.tuples(st.integers(0, 4095), st.integers(0, 255)),
                                                             min_size=1, max_size=64)),
    st.tuples(st.just("truncate"), st.integers(0, 60_000)),
    st.tuples(st.just("column"), st.sampled_from(COLUMNS),
              st.one_of(st.binary(max_size=40), text, st.integers(), st.none())),
    st.tuples(st.just("claim"), st.sampled_from(["value", "span", "id", "article", "quote", "subject", "published"]),
              json_values),
)


def _edit_store(store: Path, edit: tuple) -> None:
    import sqlite3
    import zlib

    kind = edit[0]
    if kind == "bytes":
        data = bytearray(store.read_bytes())
        page = edit[1] % max(1, len(data) // 4096)
        for offset, value in edit[2]:
            if page * 4096 + offset < len(data):
                data[page * 4096 + offset] = value
        store.write_bytes(bytes(data))
    elif kind == "truncate":
        store.write_bytes(store.read_bytes()[:edit[1]])
    else:
        try:
            with contextlib.closing(sqlite3.connect(store)) as connection, connection:
                if kind == "column":
                    connection.execute(f"UPDATE articles SET {edit[1]} = ? WHERE id = 1", (edit[2],))
                else:
                    (digest,) = connection.execute("SELECT digest FROM articles WHERE id = 1").fetchone()
                    body = json.loads(zlib.decompress(digest))
                    body["claims"][0][edit[1]] = edit[2]
                    body.pop("sum", None)  # a tamperer who knows to drop the checksum
                    connection.execute("UPDATE articles SET digest = ? WHERE id = 1",
                                       (zlib.compress(json.dumps(body, default=str).encode()),))
        except (sqlite3.Error, zlib.error, TypeError, IndexError, KeyError, ValueError, OverflowError):
            pass  # the file was damaged beyond editing already: as good a case


def run_store(edits: list[tuple]) -> list[tuple[int, str]]:
    """`check --draft --against` and `index` on a store damaged by `edits`."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = root / "a.db"
        store.write_bytes(template_store())
        for edit in edits:
            _edit_store(store, edit)
        draft = root / "draft.md"
        draft.write_text(STORE_DRAFT, encoding="utf-8")
        more = root / "more"
        more.mkdir()
        (more / "w4.md").write_text(STORE_STORY["w2.md"].replace("320", "330"), encoding="utf-8")
        outcomes = []
        for args in (["check", "--draft", str(draft), "--against", str(store), "-o", str(root / "r.md")],
                     ["index", str(more), "--store", str(store), "--jobs", "1", "--lock-timeout", "5"]):
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                status = main(args)
            outcomes.append((status, err.getvalue()))
        return outcomes


def assert_store_property(outcomes: list[tuple[int, str]]) -> None:
    for status, err in outcomes:
        assert status in (0, 1, 2), status
        assert "internal error" not in err and "Traceback" not in err, err
        assert all(line.startswith("factcheck: ") for line in err.splitlines()), err
