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
