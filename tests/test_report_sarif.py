"""SARIF 2.1.0: the seeds' findings validate against the OASIS schema, at their claims' places."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT, pin_conflicts

from checker.cli import main

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds_sarif(tmp_path_factory):
    out = tmp_path_factory.mktemp("sarif")
    assert main(["check", str(SEEDS), "-o", str(out / "r.md"), "--json", str(out / "r.json"),
                 "--sarif", str(out / "r.sarif"), "--fail-on", "never", "--quiet"]) == 0
    return (json.loads((out / "r.sarif").read_text(encoding="utf-8")),
            json.loads((out / "r.json").read_text(encoding="utf-8")))


def test_the_seeds_sarif_is_valid_sarif_2_1_0(seeds_sarif):
    log, _ = seeds_sarif
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message[:300]}" for e in errors[:10])
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_rules_are_the_judging_rules_in_force(seeds_sarif):
    log, data = seeds_sarif
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"numeric-conflict", "categorical-conflict", "agreement", "single-source"} <= set(ids)
    assert not {"alias", "lexicon"} & {r["properties"]["kind"] for r in rules}
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["numeric-conflict"] == "error" and levels["single-source"] == "note"


def test_each_result_is_at_its_claims_value_with_every_quote(seeds_sarif):
    log, data = seeds_sarif
    run = log["runs"][0]
    claims = {c["id"]: c for c in data["claims"]}
    articles = {a["id"]: a for a in data["articles"]}
    texts = {a: (SEEDS / f"{a}.txt").read_text(encoding="utf-8").split("\n") for a in articles}
    findings = {f["id"]: f for f in data["findings"]}
    listed = {f["id"] for f in data["findings"] if f["kind"] != "agreement"}
    assert {r["properties"]["id"] for r in run["results"]} == listed
    for result in run["results"]:
        finding = findings[result["properties"]["id"]]
        located = [result["locations"][0], *result.get("relatedLocations", [])]
        assert len(located) == len(finding["claims"])
        quotes = {claims[c]["quote"] for c in finding["claims"]}
        assert {loc["physicalLocation"]["contextRegion"]["snippet"]["text"] for loc in located} == quotes
        for loc in located:
            physical = loc["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert run["artifacts"][physical["artifactLocation"]["index"]]["location"]["uri"] == uri
            region = physical["region"]
            line = texts[uri.rsplit("/", 1)[-1][:-4]][region["startLine"] - 1]
            value = line[region["startColumn"] - 1:region["endColumn"] - 1]
            assert value == region["snippet"]["text"]
    conflicts = [r for r in run["results"] if r["properties"]["kind"] == "conflict"]
    assert conflicts and all(r["level"] == "error" and r["relatedLocations"] for r in conflicts)


def test_a_reviewed_finding_is_suppressed_with_its_reason(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("عرضت ميتا على الباحثين مكافآت تصل إلى 100 مليون دولار للباحث الواحد.\n", encoding="utf-8")
    args = ["check", str(SEEDS), "--draft", str(draft), "--project", str(pin_conflicts(tmp_path)), "--format", "sarif",
            "-q"]
    assert main(args) == 1
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    conflict = next(r for r in results if r["properties"]["kind"] == "conflict")
    assert conflict["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("draft.txt")
    (tmp_path / "factcheck-baseline.yaml").write_text(
        f"reviewed:\n  - fingerprint: {conflict['partialFingerprints']['factcheckFinding/v1']}\n"
        "    reason: Desk checked\n", encoding="utf-8")
    assert main(args) == 0
    log = json.loads(capsys.readouterr().out)
    suppressed = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert [s["justification"] for r in suppressed for s in r["suppressions"]] == ["Desk checked"]
    assert not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))
