"""The categories of lexicon phrases: what a matched phrase tells an extractor.

Every phrase a language's lexicon lists is indexed under one category; the
extractors ask a sentence for the matches of a category. The list is closed:
a phrase added under a category not listed here is an error at load, and an
extractor cannot ask for a category that no lexicon can fill.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    # numbers and units
    UNIT = "unit"
    UNIT_BEFORE = "unit_before"  # a symbol written before the number: "$", "€"
    VAGUE = "vague"  # "hundreds of millions", "عشرات"
    OUT_OF = "out_of"  # "46 of the 120 seats"
    RISES_TO = "rises_to"  # "rose to", "ارتفع إلى"
    RANGE_CUES = "range_cues"  # "between", "تراوح": a range's two ends follow
    CONVERSION_CUES = "conversion_cues"  # "equivalent to", "أي ما يعادل": a conversion follows
    SUM_PLUS = "sum_plus"  # "plus", "بالإضافة إلى": an addition follows
    SUM_BASE = "sum_base"  # "initial", "دفعة أولية": beside a base amount
    SUM_ADDITION = "sum_addition"  # "add-ons", "حوافز": beside an addition
    QUALIFIER_BEFORE = "qualifier_before"
    QUALIFIER_AFTER = "qualifier_after"
    # what a figure is about
    TRIGGER = "trigger"  # payload: a predicate id
    # names
    ENTITY = "entity"  # payload: an entity id
    PERSON_TITLES = "person_titles"
    ORG_CUES = "org_cues"
    PARTY_CUES = "party_cues"
    SPEECH_VERBS = "speech_verbs"
    ORG_ANAPHORA = "org_anaphora"
    PERSON_ANAPHORA = "person_anaphora"
    # stance
    ATTRIBUTION_ACCORDING_TO = "attribution_according_to"
    ATTRIBUTION_SPEECH_VERBS = "attribution_speech_verbs"
    HEDGES = "hedges"
    NEGATIONS = "negations"
    NOT_NEGATIONS = "not_negations"
    FORECASTS = "forecasts"
    EARLIER_BEFORE = "earlier_before"  # "بدلًا من", "up from": the figure a change started from
    EARLIER_AFTER = "earlier_after"  # "سابقًا", "previously"
    CHANGE_FROM = "change_from"  # "من", "from" in "from 15.50 to 17.50"
    CHANGE_TO = "change_to"  # "إلى", "to" in the same
    EARLIER_CLAUSE = "earlier_clause"  # "في الطور الابتدائي", "at first instance": anywhere in the clause
    CLAUSE_OPENERS = "clause_openers"
    FURNITURE = "furniture"  # "published", "updated", "ago", "share": words of a page's furniture
    RIGHTS_NOTICE = "rights_notice"  # "all rights reserved": a publisher's notice, furniture at any length
    # dates
    MONTH = "month"
    YEAR_CUE = "year_cue"
    SEASON = "season"
    RELATIVE_DATE = "relative_date"
    DATE_TRIGGER = "date_trigger"
    DATE_NOUN = "date_noun"
    YEAR_WORD = "year_word"
    MONTH_WORD = "month_word"
    WEEK_WORD = "week_word"
    AGO_BEFORE = "ago_before"
    AGO_AFTER = "ago_after"
    AGO_UNIT = "ago_unit"
    WEEKDAY = "weekday"
    DAY_HALF = "day_half"  # "PM", "مساءً" after a clock; payload "am" or "pm"
    DAY_BEFORE = "day_before"
    CLOCK_BEFORE = "clock_before"  # "الساعة" before an hour
    CLOCK_AFTER = "clock_after"  # "o'clock" after an hour
    CLOCK_HOUR = "clock_hour"  # "السادسة": payload the hour
    CLOCK_MINUTES = "clock_minutes"  # "والنصف": payload the minutes added
    # posts (the cue lists of roles.yaml, each as "role_<name>")
    ROLE_TITLE = "role_title"
    ROLE_NEEDS_ORG = "role_needs_org"
    ROLE_ORG_LINKS = "role_org_links"
    ROLE_AS_CUES = "role_as_cues"
    ROLE_FORMER = "role_former"
    ROLE_CURRENT = "role_current"
    ROLE_LED_BY = "role_led_by"
    ROLE_LEADS = "role_leads"
    ROLE_LEADS_PAST = "role_leads_past"
    ROLE_OBJECT_STOPS = "role_object_stops"
    ROLE_LEFT = "role_left"
    ROLE_REPLACED_BY = "role_replaced_by"
    ROLE_REPLACING = "role_replacing"
    ROLE_TAKES_OVER = "role_takes_over"
    ROLE_FROM_WORDS = "role_from_words"
    ROLE_OWN_ORG = "role_own_org"
    ROLE_APPOINTED = "role_appointed"
