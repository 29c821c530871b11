import pytest

from checker.pipeline import name_matcher


@pytest.fixture(scope="module")
def matcher(setup):
    return name_matcher(setup)


@pytest.mark.parametrize("a, b", [
    ("زوكربيرج", "زوكربيرغ"),
    ("ألكسندر وانغ", "ألكساندر وانغ"),
    ("Alexandr Wang", "ألكسندر وانغ"),
    ("يان لوكون", "يان ليكون"),
    ("Layla Haddad", "ليلى حداد"),
    ("نوفاتيك", "نوفاتك"),
    ("غرينفيلد", "جرينفيلد"),
    ("وانغ", "ألكسندر وانغ"),
])
def test_same_entity_across_spellings_and_scripts(matcher, a, b):
    assert matcher.same(a, b)


@pytest.mark.parametrize("a, b", [
    ("سام ألتمان", "جويل بينو"),
    ("روبرت فيرغوس", "يان لوكون"),
    ("Marcus Vell", "Dana Whitlock"),
])
def test_different_names_stay_apart(matcher, a, b):
    assert not matcher.same(a, b)


def _claims(setup, text, lang="ar"):
    from conftest import article, run
    return run(setup, article("a", text, lang)).claims


@pytest.mark.parametrize("text, subject", [
    ("وقالت مصادر إن الصفقة المقترحة لجوجل تبلغ قيمتها 32 مليار دولار.", "جوجل"),
    ("أعلنت شركة «نوفاتيك» أرباحًا قياسية. وقالت مصادر لنوفاتيك إن 300 موظف سيغادرون.", "نوفاتيك"),
])
def test_a_clitic_written_onto_a_known_name_is_not_part_of_it(setup, text, subject):
    names = {p.text for c in _claims(setup, text) for p in [c.subject, *c.participants]}
    assert subject in names and "ل" + subject not in names


def test_a_name_that_starts_with_a_clitic_letter_keeps_it(setup):
    text = "قال وزير الخارجية بلحاج إن 45 شخصًا قتلوا. وأكد بلحاج أن 30 آخرين أصيبوا."
    assert any(c.attribution == "بلحاج" for c in _claims(setup, text))


@pytest.mark.parametrize("text, lang, source", [
    ("وقال مفوض الشرطة فايز أحمد كيدواي إن 12 شخصًا أصيبوا. وأضاف كيدواي أن 40 آخرين نقلوا إلى المستشفى.", "ar",
     "فايز أحمد كيدواي"),
    ("وذكرت الوكالة، وفقًا لما كشفته صحيفة وول ستريت جورنال، أن الصفقة بلغت 32 مليار دولار.", "ar", "وول ستريت جورنال"),
])
def test_a_source_is_named_in_full(setup, text, lang, source):
    assert source in {c.attribution for c in _claims(setup, text, lang)}


@pytest.mark.parametrize("text", [
    "Turnout reached 43.7 per cent of registered voters, officials said.",
    "No new cases were reported after 25 September, when 64 cases had been recorded.",
])
def test_words_that_are_no_source_are_never_an_attribution(setup, text):
    assert {c.attribution for c in _claims(setup, text, "en")} <= {None, "officials"}


def test_a_capital_after_a_colon_or_a_number_word_is_no_name(setup):
    text = ("Results so far:\n• Green Party: Took one seat, receiving 1.2 per cent of the vote\n"
            "• New Democratic Party: Seven seats, with 6.3 per cent of the vote")
    subjects = {c.subject.text for c in _claims(setup, text, "en") if c.predicate == "vote_share"}
    assert "Took" not in subjects and "Seven" not in subjects


def _names_read(setup, text, lang):
    from conftest import article
    from checker.extract.article import read_article
    reading = read_article(article("a", text, lang), setup.languages[lang])
    return [" ".join(t.text for t in ctx.tokens[m.start:m.end]) for ctx in reading.sentences for m in ctx.mentions]


@pytest.mark.parametrize("lang, text, names", [
    # No capital from A to Z in the sentence: the name's own capitals must be enough.
    ("en", "the fire at Ørsted Énergie killed 12 workers.", ["Ørsted Énergie"]),
    ("en", "the fire at Orsted Energie killed 12 workers.", ["Orsted Energie"]),
    ("en", "a report by Émile Ørsted put the toll at 12.", ["Émile Ørsted"]),
    ("en", "a report by Emile Orsted put the toll at 12.", ["Emile Orsted"]),
    ("en", "one of the 40 injured, Ángel Álvarez, was released.", ["Ángel Álvarez"]),
    ("en", "the toll given by Łukasz Żak rose to 9.", ["Łukasz Żak"]),
    ("en", "the toll given by the police rose to 9.", []),
])
def test_names_that_start_with_an_accented_capital_are_found(setup, lang, text, names):
    assert _names_read(setup, text, lang) == names
