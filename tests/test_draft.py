"""Draft mode: check a draft against the sources; reviewed findings stop failing."""

from __future__ import annotations

import json

from conftest import ROOT, pin_conflicts

from checker.cli import main

DRAFT = "عرضت ميتا على الباحثين مكافآت تصل إلى 100 مليون دولار للباحث الواحد، بحسب مصادر مطلعة.\n"


def test_draft_fails_the_gate_then_passes_once_reviewed(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    report_json = tmp_path / "r.json"
    args = ["check", str(ROOT / "seeds"), "--draft", str(draft), "-o", str(tmp_path / "r.md"),
            "--json", str(report_json), "--project", str(pin_conflicts(tmp_path))]
    assert main(args) == 1
    data = json.loads(report_json.read_text(encoding="utf-8"))
    conflicts = [f for f in data["findings"] if f["kind"] == "conflict"]
    assert conflicts and all(any(c.startswith("draft#") for c in f["claims"]) for f in data["findings"])
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Can I publish? Not yet." in markdown

    baseline = tmp_path / "factcheck-baseline.yaml"
    baseline.write_text("reviewed:\n" + "".join(
        f"  - fingerprint: {f['fingerprint']}\n    reason: \"Desk checked: 100 million is the signing bonus.\"\n"
        for f in conflicts), encoding="utf-8")
    assert main(args) == 0
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "reviewed: Desk checked" in markdown


def test_draft_only_reports_on_its_own_claims(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("وقالت الشركة إنها ستفتتح ثلاثة مصانع جديدة.\n", encoding="utf-8")
    report_json = tmp_path / "r.json"
    status = main(["check", str(ROOT / "seeds"), "--draft", str(draft), "-o", str(tmp_path / "r.md"),
                   "--json", str(report_json), "--project", str(tmp_path)])
    assert status == 0
    data = json.loads(report_json.read_text(encoding="utf-8"))
    assert all(c.startswith("draft#") for f in data["findings"] for c in f["claims"])


def test_bad_baseline_is_exit_2(tmp_path, capsys):
    baseline = tmp_path / "b.yaml"
    baseline.write_text("reviewed:\n  - fingerprint: abc\n", encoding="utf-8")
    assert main(["check", str(ROOT / "seeds"), "--baseline", str(baseline), "-o", str(tmp_path / "r.md")]) == 2
    assert f"{baseline}:2:" in capsys.readouterr().err
