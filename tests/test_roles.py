"""Role claims: who holds which post where, in Arabic and English, and how
outlets' accounts of one post are compared (a fictional port-authority story)."""

from __future__ import annotations

import pytest
from conftest import article, run

from checker.extract.article import extract_claims


def roles(claims):
    return sorted((c.predicate, c.subject.text, c.value.text, c.value.qualifier)
                  for c in claims if c.value.dimension == "role")


def findings(report, kind, predicate):
    claims = {c.id: c for c in report.claims}
    return [sorted({claims[i].value.text for i in f.claims}) for f in report.findings
            if f.kind == kind and f.predicate == predicate]


def test_arabic_title_after_and_before_a_name(ar):
    text = ("قال الرئيس التنفيذي لشركة «مرافئ الخليج» سليم برّاك إن الأرباح ارتفعت. "
            "وأكدت رنا حمدان، المديرة المالية السابقة للشركة، أن الديون انخفضت.")
    found = roles(extract_claims(article("a", text), ar))
    assert ("leader", "مرافئ الخليج", "سليم برّاك", None) in found
    assert ("cfo", "مرافئ الخليج", "رنا حمدان", "former") in found


def test_synonymous_titles_name_one_post(ar, en):
    ar_text = "وعُيّن كمال شدياق كبيرَ مسؤولي الذكاء الاصطناعي في شركة «مرافئ الخليج»."
    ar_text2 = "وقال رئيس الذكاء الاصطناعي الجديد في «مرافئ الخليج» كمال شدياق إن المشروع بدأ."
    en_text = "Gulf Harbours said Kamal Shidyaq, its new head of AI, will start next week."
    posts = {c.predicate for lex, text, lang in ((ar, ar_text, "ar"), (ar, ar_text2, "ar"), (en, en_text, "en"))
             for c in extract_claims(article("x", text, lang=lang), lex) if c.value.dimension == "role"}
    assert posts == {"chief_ai_officer"}


def test_led_by_and_leads(ar, en):
    ar_found = roles(extract_claims(article("a", "تعمل وحدة «نوراس» للأبحاث بقيادة هالة الصيرفي منذ سنوات."), ar))
    assert ar_found == [("leader", "نوراس", "هالة الصيرفي", None)]
    en_found = roles(extract_claims(article("b", "Omar Haik, who has led Seabright for six years, declined to comment.",
                                            lang="en"), en))
    assert ("leader", "Seabright", "Omar Haik", None) in en_found


def test_english_name_before_a_title_is_its_organisation(en):
    text = ("Profits at Seabright and Halcyon rose. "
            "Halcyon chief executive Omar Haik spoke. A Seabright spokesperson said little.")
    found = roles(extract_claims(article("a", text, lang="en"), en))
    assert ("leader", "Halcyon", "Omar Haik", None) in found
    assert not [r for r in found if r[2] == "Seabright"]


def test_a_speaking_title_is_not_in_apposition(en):
    text = "Seabright said it hired no one from Orbis Labs, a spokesperson said. Seabright grew."
    assert roles(extract_claims(article("a", text, lang="en"), en)) == []


def test_possessive_unit_is_not_the_organisation_led(en):
    text = "Dana Roe, who currently runs the company's Asia unit, spoke on Monday."
    assert roles(extract_claims(article("a", text, lang="en"), en)) == []


def test_a_head_of_state_is_not_the_companys_head(ar, en):
    ar_text = "أعلنت شركة «مرافئ الخليج» أرباحها. وقال رئيس الوزراء سامي قبلان إن الموانئ مزدحمة."
    assert roles(extract_claims(article("a", ar_text), ar)) == []
    en_text = "Seabright said profits at Seabright rose. President Omar Haik praised the firm."
    assert roles(extract_claims(article("b", en_text, lang="en"), en)) == []


def test_a_deputy_is_not_the_head(ar):
    text = "وقال نائب الرئيس التنفيذي لشركة «مرافئ الخليج» فادي عون إن الموانئ مزدحمة."
    assert roles(extract_claims(article("a", text), ar)) == []


def test_handover_makes_the_predecessor_former(ar, en):
    ar_text = ("أعلنت سهى المطيري، التي قادت هيئة «نوراس» لمدة خمس سنوات، عن تنحيها، "
               "ليحل محلها الباحث جواد الخطيب.")
    found = roles(extract_claims(article("a", ar_text), ar))
    assert ("leader", "نوراس", "سهى المطيري", "former") in found
    assert ("leader", "نوراس", "جواد الخطيب", "current") in found
    ar_text = ("أعلنت شركة «مرافئ الخليج» تعيين هالة الصيرفي رئيسةً تنفيذية للشركة. "
               "وتتولى الصيرفي المنصب في مايو، خلفًا لجواد الخطيب.")
    found = roles(extract_claims(article("c", ar_text), ar))
    assert ("leader", "مرافئ الخليج", "لجواد الخطيب", "former") in found
    en_text = ("Seabright appointed Lina Moss as its chief executive. "
               "Moss will take over in May from Omar Haik, who has led Seabright for six years.")
    found = roles(extract_claims(article("b", en_text, lang="en"), en))
    assert ("leader", "Seabright", "Omar Haik", "former") in found
    assert ("leader", "Seabright", "Lina Moss", None) in found


@pytest.mark.parametrize("first, second, predicate, conflict", [
    ("الرئيس التنفيذي", "الرئيس التنفيذي", "leader", True),
    # A former holder and a current one are a succession.
    ("الرئيس التنفيذي السابق", "الرئيس التنفيذي", "leader", False),
    # Posts several people hold at once never conflict.
    ("الشريك المؤسس", "الشريك المؤسس", "founder", False),
])
def test_two_outlets_naming_different_holders(setup, first, second, predicate, conflict):
    a = article("a", f"قال {first} لشركة «مرافئ الخليج» سليم برّاك إن الأرباح ارتفعت.")
    b = article("b", f"قال {second} لشركة «مرافئ الخليج» نبيل سركيس إن الأرباح ارتفعت.")
    report = run(setup, a, b)
    assert {c.value.text for c in report.claims if c.predicate == predicate} == {"سليم برّاك", "نبيل سركيس"}
    assert findings(report, "conflict", predicate) == ([["سليم برّاك", "نبيل سركيس"]] if conflict else [])
    assert findings(report, "agreement", predicate) == []


def test_same_head_spelled_differently_agrees_across_languages(setup):
    a = article("a", "قال الرئيس التنفيذي لشركة «سيبرايت» عمر هايك إن الأرباح ارتفعت.")
    # A lone capitalised word opening an English sentence is trusted as a name
    # only if the article also writes it mid-sentence.
    b = article("b", "Profits at Seabright rose. Seabright chief executive Omar Haik said costs fell.", lang="en")
    report = run(setup, a, b)
    assert findings(report, "agreement", "leader") == [["Omar Haik", "عمر هايك"]]
