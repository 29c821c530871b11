"""Alignment's hard constraints (checker/align/constraints.py) as a table: which two
figures may be one quantity at all, whatever the model would weigh. Sentences in the
shapes of the real corpus's (benchmarks/realnews)."""

from __future__ import annotations

import pytest
from conftest import article, run

from checker.align import story_features
from checker.align.constraints import candidates
from checker.pipeline import name_matcher

CASES = [
    # (first sentence, its language, second sentence, its language, may be one quantity)
    ("The fire killed 36 people, the chief executive said.", "en",
     "The fire killed 44 people, officials said.", "en", True),
    ("أودى الحريق بحياة 36 شخصا.", "ar", "The fire killed 44 people.", "en", True),
    ("The ministry reported 68 suspected cases in the province.", "en",
     "The ministry reported 20 confirmed cases in the province.", "en", False),
    ("Liverpool will pay £100 million plus £16 million in add-ons.", "en",
     "Liverpool will pay £116 million for the player.", "en", False),
    ("Liverpool paid 116 million pounds for the player.", "en",
     "Liverpool paid 136.3 million euros for the player.", "en", True),
    ("Jannik Sinner, 23, won the final on Sunday.", "en",
     "Carlos Alcaraz, 22, lost the final on Sunday.", "en", False),
    ("The epicentre was 14 kilometres west of the capital.", "en",
     "The quake struck at a depth of 10 kilometres.", "en", False),
    ("The fire did not kill 20 people, police said.", "en", "The fire killed 22 people.", "en", False),
    # A figure needed is never the figure reached (the requirement axis, alone_axes).
    ("A party must win 172 seats to form a majority.", "en", "The Liberals won 169 seats.", "en", False),
    ("The Liberals won 172 seats.", "en", "The Liberals won 169 seats.", "en", True),
]


def first_quantities(setup, first, first_lang, second, second_lang):
    report = run(setup, article("a", first, first_lang, published="2026-03-01"),
                 article("b", second, second_lang, published="2026-03-01"))
    features, _, _, _ = story_features(report.claims, name_matcher(setup), setup.ontology)
    by_article = {}
    for f in features:
        if f.kind == "quantity":
            by_article.setdefault(f.claim.article, f)
    return by_article.get("a"), by_article.get("b")


@pytest.mark.parametrize("first, first_lang, second, second_lang, one", CASES)
def test_which_figures_may_be_one_quantity(setup, first, first_lang, second, second_lang, one):
    a, b = first_quantities(setup, first, first_lang, second, second_lang)
    assert a is not None and b is not None, "both figures are read"
    assert candidates(a, b) is one
    assert candidates(b, a) is one  # the constraints are symmetric
