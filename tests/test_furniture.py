"""Page furniture: lines of a saved page that are not the story make no claim, and a
publisher's rights notice, the same on all its pages, does not tie unrelated pages
into one story."""

from __future__ import annotations

import pytest
from conftest import article

from checker.corpus import check_corpus
from checker.extract.article import read_article
from checker.extract.furniture import is_furniture
from checker.parallel.compact import pack
from checker.parallel.work import first_reading, use_knowledge
from checker.pipeline import check

NOTICE_EN = ("All rights reserved. This material may not be published, broadcast, "
             "rewritten or redistributed without permission.")
NOTICE_AR = "جميع الحقوق محفوظة لوكالة المثال منذ عام 2031، ولـ 35 صحيفة شريكة."


@pytest.mark.parametrize("lang, text, furniture", [
    ("en", "All rights reserved.", True),
    ("en", "This material may not be published, broadcast, rewritten or redistributed without permission.", True),
    ("en", "Text and photos may not be reproduced in any form.", True),
    ("ar", "جميع الحقوق محفوظة لموقع المثال 2031", True),
    ("ar", "كل الحقوق محفوظة.", True),
    ("en", "Updated 3 hours ago", True),
    # The story's own sentences, even about publishing or rights, are not furniture.
    ("en", "The court said the book may not be sold until the copyright dispute of 42 authors is settled.", False),
    ("en", "The union said its 4,000 members reserved the right to strike again next month.", False),
    ("ar", "قالت النقابة إن حقوق 4000 عامل محفوظة في الاتفاق الجديد مع الشركة.", False),
])
def test_which_lines_are_furniture(setup, lang, text, furniture):
    reading = read_article(article("a", text, lang=lang), setup.language(lang))
    assert [is_furniture(ctx) for ctx in reading.sentences][-1] is furniture


def test_a_rights_notice_makes_no_claim(setup):
    text = "أعلنت الشركة تعيين 120 موظفا جديدا في فرعها.\n\n" + NOTICE_AR
    report = check([article("a", text)], setup)
    assert report.claims and all("الحقوق" not in c.quote and "2031" not in c.quote for c in report.claims)


def test_the_words_of_a_rights_notice_do_not_describe_the_page(setup):
    use_knowledge(setup)
    digest = first_reading(pack(article("a", "The ferry strike entered its ninth day.\n\n" + NOTICE_EN, lang="en")))
    words = set(digest.words.split("\n"))
    assert "ferry" in words and not {"broadcast", "rewritten", "redistributed"} & words


TOPICS = [
    "The ferry crews walked out on Monday over a pay offer, halting crossings to the islands.",
    "A new children's hospital opened its doors in the northern valley, with a rooftop garden.",
    "Farmers reported a record apricot harvest after a mild spring in the highlands.",
    "The orchestra announced a winter season of baroque concertos in the old cathedral.",
    "Engineers finished testing a tidal turbine anchored off the rocky headland.",
    "The library lent more audiobooks than paperbacks for the first time this autumn.",
    "A cycling race through the desert towns drew riders from a dozen clubs.",
    "Beekeepers warned that a mite infestation had spread to the southern hives.",
]


def test_pages_sharing_only_a_rights_notice_are_not_one_story(setup):
    # Two unrelated pages of one publisher end with its notice; the others have none.
    texts = [TOPICS[0] + "\n\n" + NOTICE_EN, TOPICS[1] + "\n\n" + NOTICE_EN, *TOPICS[2:]]
    articles = [article(f"p{i}", text, lang="en") for i, text in enumerate(texts)]
    stories = check_corpus(articles, setup, jobs=1, stories="shared")
    together = [sorted(a.id for a in s.report.articles) for s in stories]
    assert not any({"p0", "p1"} <= set(ids) for ids in together)
