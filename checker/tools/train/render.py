"""The cross-validated figures as tables: per story, and precision/recall by threshold."""

from __future__ import annotations

from tabulate import tabulate

from checker.tools.realnews.render import precision_line, ratio, render_table
from checker.tools.realnews.evaluate import total
from checker.tools.train.crossval import CrossValidation

CURVE_HEADERS = ["conflict threshold", "conflict pairs", "precision (judged pairs)", "conflicts found",
                 "agreements shown"]


def curve_table(cv: CrossValidation, markdown: bool = False) -> str:
    rows = [[f"{t:.2f}", str(s.pairs), ratio(s.on_gold_conflict, s.judged), ratio(s.conflicts_found, s.conflicts),
             ratio(s.agreements_shown, s.agreements)] for t, s in cv.curve]
    return tabulate(rows, headers=CURVE_HEADERS, tablefmt="github" if markdown else "simple",
                    disable_numparse=True) + "\n"


def render_cross_validation(cv: CrossValidation, markdown: bool = False) -> str:
    lines = ["Cross-validated by story: each story judged by a model trained on the others, at thresholds "
             "chosen on the others' held-out pairs.", "", render_table(cv.results, markdown).rstrip("\n")]
    if not markdown:
        lines = lines[:2] + [render_table(cv.results, markdown).split("\n\n", 1)[1].rstrip("\n")]
    else:
        lines.append("")
        lines.append(precision_line(total(cv.results)))
    chosen = sorted({(t.conflict, t.possible) for t in cv.thresholds.values()})
    lines += ["", "Conflict thresholds chosen (conflict / possible): "
              + ", ".join(f"{c:.3f} / {p:.3f}" for c, p in chosen), "",
              "Precision and recall of conflict pairs at each threshold (every story held out):", "",
              curve_table(cv, markdown)]
    return "\n".join(lines)
