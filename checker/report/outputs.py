"""Which report goes where: files named by -o, --json and --sarif, and standard output.

As in ruff and Vale, `--format` says what goes to standard output, and the
file options write files beside it; `-` as a file names standard output, and
only one report may go there. With neither, the Markdown report goes there,
unless `-o` writes it to a file or `--json -` or `--sarif -` takes the place; `--html` writes
the HTML page (report/html.py). Every report is rendered before any is
written, and each file written whole or not at all (report/files.py).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence, TextIO

from checker.errors import CheckerError

if TYPE_CHECKING:
    from checker.knowledge.rules import RuleSet
    from checker.models import Report

STDOUT = "-"
STDOUT_CLOSED = ("standard output is closed, and a report goes there; write it to a file (-o FILE, "
                 "--json FILE) or keep standard output open")


@dataclass(frozen=True)
class Output:
    format: str
    path: Path | None  # None: standard output


def plan_outputs(markdown: Path | None, json: Path | None, sarif: Path | None,
                 format: str | None, html: Path | None = None) -> list[Output]:
    """Every report the run writes; a usage error if two would go to standard output."""
    outputs: list[Output] = []
    to_stdout: list[str] = []
    for kind, path, option in (("markdown", markdown, "-o -"), ("html", html, "--html -"), ("json", json, "--json -"),
                               ("sarif", sarif, "--sarif -")):
        if path is None:
            continue
        if str(path) == STDOUT:
            to_stdout.append(option)
            outputs.append(Output(kind, None))
        else:
            outputs.append(Output(kind, path))
    if format is not None:
        to_stdout.append(f"--format {format}")
        outputs.append(Output(format, None))
    elif markdown is None and not to_stdout:
        outputs.append(Output("markdown", None))
    if len(to_stdout) > 1:
        raise CheckerError("only one report can go to standard output, but " + " and ".join(to_stdout)
                           + " ask for it; write the others to files")
    if sys.stdout is None and any(o.path is None for o in outputs):
        raise CheckerError(STDOUT_CLOSED)  # said before the run, not after it
    return outputs


def output_files(outputs: Sequence[Output]) -> list[Path]:
    return [o.path for o in outputs if o.path is not None]


Writer = Callable[[TextIO], None]


def _renderers(stories: Sequence, ruleset: RuleSet, full: bool = False) -> dict[str, Callable[[], str | Writer]]:
    """Each format's report of a run's stories: its text, or a writer that streams it.
    `full` (--all): the Markdown report shows everything, not what fits in its first lines."""
    from checker.report.concise import render_concise
    from checker.report.github import render_github
    from checker.report.stories import combined, render_stories_markdown, stories_json
    from checker.report.stream import write_json

    report = combined(stories)
    return {
        "markdown": lambda: render_stories_markdown(stories, full),
        "html": lambda: _html(stories),
        "json": lambda: (lambda out: write_json(report, out, stories_json(stories))),
        "sarif": lambda: _sarif(report, ruleset),
        "github": lambda: render_github(report),
        "concise": lambda: render_concise(report),
    }


# HTML and SARIF (their helpers: charts, SVG, lint places) load only in a run that writes them.
def _html(stories: Sequence) -> str:
    from checker.report.html import render_stories_html  # start-up: only for --html

    return render_stories_html(stories)


def _sarif(report: Report, ruleset: RuleSet) -> str:
    from checker.report.sarif import judging_rules, render_sarif  # start-up: only for --sarif

    return render_sarif(report, judging_rules(ruleset))


def write_outputs(outputs: Sequence[Output], stories: Sequence, ruleset: RuleSet, full: bool = False) -> None:
    """Render every report, then write each: files whole or not at all, then standard output."""
    from checker.report.files import write_atomically
    renderers = _renderers(stories, ruleset, full)
    rendered = [(output, renderers[output.format]()) for output in outputs]
    # A streamed report is still being made while it is written: those files go first, so
    # that a failure in one leaves every other file as it was.
    for output, content in sorted(rendered, key=lambda item: isinstance(item[1], str)):
        if output.path is not None:
            write_atomically(output.path, content)
    for output, content in rendered:
        if output.path is None:
            print_out(content)


def print_out(content: str | Writer) -> None:
    """Text (or a writer of it) on standard output; a closed or full one is the user's to
    fix, said in one line, not a bug."""
    out = sys.stdout
    if out is None:
        raise CheckerError(STDOUT_CLOSED)
    try:
        if isinstance(content, str):
            out.write(content)
        else:
            content(out)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise CheckerError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def run_summary(report: Report, outputs: Sequence[Output]) -> str:
    """The run in one line, for stderr: "12 articles, 3 conflicts, 5 agreements → reports/x.md"
    (the kinds always counted, and the others the run found but for those folded away)."""
    from checker.report.view import ReportView

    found = [f.kind for f in report.findings]
    parts = [_count(len(report.articles), "article")]
    for kind in ReportView(report).kinds.all:
        n = found.count(kind.kind)
        if kind.always_counted or (n and not kind.collapsed):
            parts.append(f"{n:,} {kind.one if n == 1 else kind.many}")
    if report.problems:
        parts.append(_count(len(report.problems), "input problem"))
    targets = [str(o.path) if o.path is not None else "stdout" for o in outputs]
    return ", ".join(parts) + " → " + ", ".join(targets)
