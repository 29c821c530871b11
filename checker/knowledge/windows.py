"""How far the extractors look, in tokens (rules/lexicons/common/windows.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Windows:
    """Window sizes, one per question an extractor asks; see windows.yaml for each."""

    trigger: int
    context: int
    date_trigger: int
    appositive_trigger: int
    money_trigger: int
    fallback_word: int
    object: int
    negation: int
    forecast: int
    range_cue: int
    speaker: int
    according_to: int
    speaker_before: int
    name: int
    short_form: int
    title_to_name: int
    apposition: int
    verb: int
    led_object: int
    handover: int
    handover_from: int
    frame_qualifier: int
    frame_owner: int
    frame_measure: int
    frame_reference: int
    frame_time: int

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
