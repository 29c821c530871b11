"""Corpora written to disk for the scale benchmarks (benchmarks/scale.py).

- seed copies: the five seed articles copied round robin under new names
  (long Arabic articles, one story), as the issue's table measures;
- a folder whose sources.yaml lists every article;
- stories with names of their own: short English articles, ten to a story,
  each story naming its own people and organisations and giving its own toll
  (the growth case of names from other articles, and many stories in one run);
- a store of generated claims: real records of the seeds, test stories and
  real-news articles, repeated under new ids, new names and dates spread over
  five years until the store holds the claims asked for.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import zlib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

SYLLABLES = ["ka", "ri", "mo", "ta", "ne", "lu", "sa", "vo", "de", "mi", "ro", "ba", "zu", "fe", "lo", "gar",
             "ten", "mar", "vel", "dor", "sin", "kal", "ber", "tov"]


def seed_copies(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        target = folder / f"copy_{i:05d}.txt"
        if not target.exists():
            shutil.copyfile(SEEDS[i % len(SEEDS)], target)
    return folder


def story_copies(folder: Path, count: int, per_story: int = 5) -> list[Path]:
    """`count` seed copies in story folders of `per_story` each (the issue 20 table's
    "2,000 seed copies in 400 story folders")."""
    folders = []
    for s in range(-(-count // per_story)):
        story = folder / f"story_{s:05d}"
        story.mkdir(parents=True, exist_ok=True)
        for i in range(s * per_story, min(count, (s + 1) * per_story)):
            target = story / f"copy_{i:05d}.txt"
            if not target.exists():
                shutil.copyfile(SEEDS[i % len(SEEDS)], target)
        folders.append(story)
    return folders


def listed_folder(folder: Path, count: int) -> Path:
    """`count` copies of the seeds and a sources.yaml listing every one of them."""
    seed_copies(folder, count)
    lines = [f"copy_{i:05d}:\n  source: Outlet {i % 37}\n  published: 2025-06-{1 + i % 28:02d}\n  lang: ar\n"
             for i in range(count)]
    (folder / "sources.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


def _name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(words))


STORY_TEXT = """{org} names {person} chief executive

{person}, 52, the new chief executive of {org}, said on Monday that the company would hire {hires} people in {town} this year.

The {town} plant of {org} employs {staff} workers, according to {official}, a spokesman for the company.

Floods near {town} killed {toll} people last week, {official} said, and {org} pledged {money} million dollars to rebuild.
"""


def named_stories(folder: Path, stories: int, per_story: int = 10, seed: int = 7) -> list[Path]:
    """`stories` folders of `per_story` articles; each story has names and figures of its own,
    and outlets differ on its toll."""
    rng = random.Random(seed)
    folders = []
    for s in range(stories):
        story = folder / f"story_{s:05d}"
        folders.append(story)
        if story.exists():
            continue
        story.mkdir(parents=True)
        names = {"org": _name(rng, 2) + " Holdings", "person": _name(rng, 2), "official": _name(rng, 2),
                 "town": _name(rng, 1)}
        figures = {"hires": rng.randint(50, 900), "staff": rng.randint(1000, 9000), "money": rng.randint(2, 90)}
        base = rng.randint(20, 400)
        for a in range(per_story):
            toll = base + (a % 3) * rng.randint(0, 5)
            text = STORY_TEXT.format(**names, **figures, toll=toll)
            (story / f"s{s:05d}_{a:02d}.md").write_text(
                f"---\nsource: Outlet {a}\npublished: 2025-03-{1 + a:02d}\nlang: en\n---\n{text}", encoding="utf-8")
    return folders


_ID_RE = re.compile(r'"(id|article)": "([^"#]+)')


def generated_store(store: Path, template_store: Path, claims_wanted: int, seed: int = 11) -> tuple[int, int]:
    """A store of at least `claims_wanted` claims made from the records of `template_store`:
    each copy gets a new path and id, its claims new ids, its names new sounds (so that a
    copy is its own story), and a date within five years. Returns (articles, claims)."""
    rng = random.Random(seed)
    source = sqlite3.connect(template_store)
    templates = []
    for row_id, meta, text, digest, published in source.execute(
            "SELECT id, meta, text, digest, published FROM articles ORDER BY path"):
        body = json.loads(zlib.decompress(digest))
        names = [r[0] for r in source.execute("SELECT key FROM names WHERE article = ?", (row_id,))]
        blocks = [r[0] for r in source.execute("SELECT block FROM blocks WHERE article = ?", (row_id,))]
        templates.append((json.loads(meta), text, body, names, blocks))
    source.close()
    shutil.copyfile(template_store, store)
    target = sqlite3.connect(store)
    target.execute("PRAGMA journal_mode = WAL")
    target.execute("PRAGMA synchronous = OFF")
    articles = claims = 0
    start = date(2021, 1, 1)
    copy = 0
    while claims < claims_wanted:
        target.execute("BEGIN")
        for _ in range(2000):
            meta, text, body, names, blocks = templates[copy % len(templates)]
            new_id = f"gen{copy:07d}"
            day = start + timedelta(days=rng.randrange(5 * 365))
            meta = {**meta, "id": new_id, "path": f"generated/{new_id}.txt", "published": day.isoformat()}
            old_id = body["claims"][0]["article"] if body["claims"] else None
            digest = json.dumps(body, ensure_ascii=False)
            if old_id:
                digest = digest.replace(f'"{old_id}#', f'"{new_id}#').replace(f'"article": "{old_id}"',
                                                                             f'"article": "{new_id}"')
            story = copy // 10  # ten articles to a generated story: its own names
            own_names = [f"s:g{story}{k[2:]}" if k.startswith("s:") else k for k in names]
            cursor = target.execute(
                "INSERT INTO articles (path, hash, knowledge, published, day, meta, text, digest) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (f"/generated/{new_id}.txt", "generated", "generated", day.isoformat(), day.toordinal(),
                 json.dumps(meta, ensure_ascii=False), text, zlib.compress(digest.encode("utf-8"))))
            target.executemany("INSERT INTO names VALUES (?, ?)", [(k, cursor.lastrowid) for k in own_names])
            target.executemany("INSERT INTO blocks VALUES (?, ?)", [(b, cursor.lastrowid) for b in blocks])
            articles += 1
            claims += len(body["claims"])
            copy += 1
        target.execute("COMMIT")
    target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target.close()
    return articles, claims


# Shapes that were once quadratic (issue 18, part 3), each at any size.

PARAGRAPH_SENTENCES = ["Fires razed {n} homes.", "Crews met.", "Dr. Lee spoke.", "Road No. {k} shut.", "Water rose.",
                       "Gen. Ross came.", "Rain fell.", "Mr. Hale left.", "Schools shut.", "Roads froze."]


def long_paragraph(path: Path, sentences: int) -> Path:
    """One article of `sentences` short sentences on a single line (one paragraph), with
    abbreviations ("Dr.", "No. 5") and a figure in one sentence of ten: 50,000 of them
    stay under the 1 MiB article limit."""
    rng = random.Random(sentences)
    parts = [PARAGRAPH_SENTENCES[k % len(PARAGRAPH_SENTENCES)].format(n=rng.randint(2, 900), k=k % 97)
             for k in range(sentences)]
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("---\nsource: The Long Wire\nlang: en\n---\n" + " ".join(parts) + "\n", encoding="utf-8")
    return path


def tiny_articles(folder: Path, count: int) -> Path:
    """One story of `count` short articles from as many outlets, each giving two figures
    of one toll and one pledge, the values spread so that outlets agree and disagree."""
    if folder.exists() and len(list(folder.glob("*.md"))) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for k in range(count):
        text = (f"---\nsource: Outlet {k}\nlang: en\npublished: 2025-03-{1 + k % 28:02d}\n---\n"
                f"Floods killed {rng.randint(10, 60)} people in the valley, officials said.\n\n"
                f"The government pledged {rng.randint(1, 40)} million dollars for rebuilding.\n")
        (folder / f"a{k:05d}.md").write_text(text, encoding="utf-8")
    return folder


def many_triggers(path: Path, count: int) -> Path:
    """A lexicon rule file adding `count` trigger phrases to one predicate, all sharing
    their first word (the shape that once made compiling the lexicon quadratic)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        rng = random.Random(count)
        words = sorted({"evacuated " + _name(rng, 2).lower() for _ in range(count * 2)})[:count]
        lines = ["rules:\n", "  - id: many-triggers\n", "    kind: lexicon\n", "    lang: en\n", "    add:\n",
                 "      predicates:\n", "        evacuated: {dimensions: [count], triggers: ["]
        lines.append(", ".join(words) + "]}\n")
        path.write_text("".join(lines), encoding="utf-8")
    return path
