"""The command line: `factcheck check`, `factcheck rules validate|test|list`, `factcheck eval`.

Known problems (CheckerError) become one line per problem on stderr and exit
status 2; findings at or above --fail-on give exit status 1; otherwise 0. Any
other exception is a bug in the checker: one line that says so, and exit
status 2 as well, so that a CI gate never reads a crash as "findings"
(--debug adds the traceback).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import checker.failures
from checker import __version__
from checker.errors import CheckerError, RuleError, RuleErrors
from checker.limits import MAX_ARTICLE_BYTES, MAX_CLAIMS
from checker.project import BASELINE_FILE as DEFAULT_BASELINE
from checker.report.formats import FORMATS

if TYPE_CHECKING:
    from checker.knowledge import Knowledge
    from checker.models import Article, ArticleProblem, Report
    from checker.report.outputs import Output

# The stages, pydantic and jsonschema are imported by the commands that use them,
# not here: `factcheck --help` and argument errors answer without loading them.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
PROJECT_HELP = ("project root holding factcheck.yaml, factcheck-baseline.yaml or a pyproject.toml with "
                "[tool.factcheck] (default: the nearest such folder from here up to the git repository's "
                "root, else the current folder)")
_SIZE_RE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.I)


def byte_size(text: str) -> int:
    """A size such as 1048576, 500K or 2M (K and M are 1024 and 1024²)."""
    match = _SIZE_RE.fullmatch(text.strip())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size (e.g. 500K, 2M)")
    return int(match.group(1)) * 1024 ** " kmg".index(match.group(2).lower() or " ")


def positive(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def jobs_count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of jobs (1 or more)")
    return int(text)


def days(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days (0 or more)")
    return int(text)


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds (0 or more)")
    return value


def tell(message: str) -> None:
    """A message on stderr while the run goes on (waiting for a lock)."""
    print(f"factcheck: {message}", file=sys.stderr, flush=True)


def encoding_name(text: str) -> str:
    import codecs

    try:
        "".encode(text)  # a text encoding, not a codec such as base64
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding '{text}' (e.g. utf-8, cp1256, iso-8859-6, "
                                         "utf-16)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find where news articles on one story disagree: numbers, ages, amounts, "
                    "counts and percentages, compared across outlets (Arabic and English).")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true",
                        help="on an internal error, print the traceback (for a bug report)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("check", parents=[common],
                              help="check articles against each other and write a report",
                              description="Extract claims from articles, align them across outlets and "
                                          "report conflicts, agreements and single-source claims.")
    run.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                     help="article files (.txt, .md, .json, .html) or folders of them; - reads one article "
                          "from standard input (none with --against)")
    run.add_argument("--rules", action="append", type=Path, default=[], metavar="PATH",
                     help="a rule file or folder of rule files (repeatable)")
    run.add_argument("-o", "--output", type=Path, metavar="REPORT.md",
                     help="write the Markdown report here, '-' for standard output (default: standard "
                          "output, unless --format says otherwise)")
    run.add_argument("--json", type=Path, metavar="REPORT.json",
                     help="also write the JSON report here ('-': standard output)")
    run.add_argument("--sarif", type=Path, metavar="REPORT.sarif",
                     help="also write the findings as SARIF 2.1.0 here, for code scanning ('-': standard output)")
    run.add_argument("--html", type=Path, metavar="REPORT.html",
                     help="also write the report as one self-contained HTML page here ('-': standard output)")
    run.add_argument("--format", choices=FORMATS,
                     help="what to print on standard output: a report (markdown, html, json, sarif), GitHub "
                          "Actions annotations (github), or one line a finding, path:line:col: severity "
                          "[rule] message (concise); -o, --html, --json and --sarif still write their files")
    run.add_argument("--all", action="store_true", dest="show_all",
                     help="the Markdown report shows everything: every claim of every finding, agreements, "
                          "single-source claims and the articles (default: what fits in 250 lines, the "
                          "disputes that matter most first)")
    run.add_argument("--fail-on", choices=["error", "warning", "never"], default="error",
                     help="exit 1 when a finding has this severity or higher (default: error)")
    run.add_argument("--draft", type=Path, metavar="FILE",
                     help="report only on this draft's claims, checked against the PATH articles")
    run.add_argument("--baseline", type=Path, metavar="FILE",
                     help=f"reviewed findings to keep listed but not fail on (default: {DEFAULT_BASELINE} "
                          "in the project root, if present)")
    run.add_argument("--project", type=Path, default=None, metavar="DIR", help=PROJECT_HELP)
    run.add_argument("--encoding", type=encoding_name, metavar="NAME",
                     help="read every article in this encoding (e.g. cp1256) instead of the one its bytes "
                          "show; a byte-order mark still wins (default: UTF-8, else detected)")
    run.add_argument("--stdin-format", choices=["txt", "md", "json", "html"], metavar="FORMAT",
                     help="the format of the article read from standard input (PATH -): txt, md, json or "
                          "html (default: told from how it starts; Markdown if nothing else)")
    run.add_argument("--max-article-size", type=byte_size, default=MAX_ARTICLE_BYTES, metavar="SIZE",
                     help="skip (and list) an article file larger than this, e.g. 500K, 4M (default: 1M)")
    run.add_argument("--max-claims", type=positive, default=MAX_CLAIMS, metavar="N",
                     help=f"check at most N claims of one article, and list it (default: {MAX_CLAIMS})")
    run.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar and no closing summary on stderr, and input problems only "
                          "counted there (the report lists them)")
    run.add_argument("--jobs", type=jobs_count, default=None, metavar="N",
                     help="read articles in N processes (default: every core); the report is the same")
    run.add_argument("--against", type=Path, metavar="STORE",
                     help="with --draft: check the draft against the archived articles of this store "
                          "(made by `factcheck index`) that name who it names, instead of PATH articles")
    run.add_argument("--window", type=days, default=30, metavar="DAYS",
                     help="with --against: archived articles published within DAYS of the draft (default: 30)")
    run.add_argument("--stories", choices=["auto", "one", "folder", "shared"], default="auto",
                     help="how articles group into stories, claims aligning only within one: one story; "
                          "one per folder; grouped by the names, dates, figures and rare words they share "
                          "(a flat corpus); auto (default): per folder when several are given, else one")

    index = commands.add_parser("index", parents=[common], help="read articles once into an archive store, for --against",
                                description="Extract the claims of every article into an SQLite store, "
                                            "incrementally: unchanged files are skipped, changed ones "
                                            "replaced, removed ones dropped (docs/archive.md).")
    index.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                       help="article files (.txt, .md, .json, .html) or folders of them")
    index.add_argument("--store", type=Path, required=True, metavar="FILE", help="the store (made if absent)")
    index.add_argument("--jobs", type=jobs_count, default=None, metavar="N",
                       help="read articles in N processes (default: every core)")
    index.add_argument("--rules", action="append", type=Path, default=[], metavar="PATH",
                       help="rule files whose lexicon additions articles are read with (repeatable)")
    index.add_argument("--project", type=Path, default=None, metavar="DIR", help=PROJECT_HELP)
    index.add_argument("--scheduler", metavar="ADDRESS",
                       help="read the articles on this Dask cluster (e.g. tcp://10.0.0.5:8786), writing "
                            "Parquet partitions the store then reads (needs the [dask] extra)")
    index.add_argument("--local-cluster", type=jobs_count, metavar="WORKERS",
                       help="read the articles on a local Dask cluster of this many workers")
    index.add_argument("--lock-timeout", type=seconds, default=None, metavar="SECONDS",
                       help="if another index of the store is running, wait this long for it at most, "
                            "then exit 2 (default: wait until it finishes, saying so)")

    scoring = commands.add_parser("eval", parents=[common], help="measure precision and recall against gold files",
                                  description="Run the checker on each gold file's articles and print "
                                              "precision and recall for claims and for findings; with "
                                              "--realnews, score real-news stories pair by pair.")
    scoring.add_argument("gold", nargs="*", type=Path, metavar="GOLD", help="gold YAML files (tests/gold/*.yaml)")
    scoring.add_argument("--ans", type=Path, metavar="PAIRS.jsonl",
                         help="also run over ANS headline pairs (e.g. shared/benchmarks/ans/numeric_scan_all_splits.jsonl)")
    scoring.add_argument("--root", type=Path, default=Path.cwd(), metavar="DIR",
                         help="folder the gold files' article paths are relative to (default: current folder)")
    scoring.add_argument("--realnews", action="append", type=Path, default=[], metavar="DIR",
                         help="also score real-news stories pair by pair (e.g. benchmarks/realnews: "
                              "one folder per story, with gold.yaml; repeatable)")
    scoring.add_argument("--story", action="append", default=[], metavar="NAME",
                         help="with --realnews: only this story (a folder name, or a pattern such as '*-mixed'; "
                              "repeatable)")
    scoring.add_argument("--format", choices=["text", "markdown"], default="text",
                         help="with --realnews: print the per-story table as text (default) or Markdown")
    scoring.add_argument("--cross-validate", action="store_true",
                         help="with --realnews: judge each story with an alignment model trained on the "
                              "others (needs the [train] extra); print per-story figures and "
                              "precision/recall of conflict pairs by threshold")
    scoring.add_argument("--seed", type=int, default=0, help="with --cross-validate: the training seed (default 0)")
    scoring.add_argument("--extraction", action="store_true",
                         help="with --realnews: print instead the share of gold values some claim reads, "
                              "per story (numeric values of conflicts and of agreements, non-numeric values)")
    scoring.add_argument("--verbose", action="store_true", help="list every miss and false alarm")

    training = commands.add_parser("train", parents=[common],
                                   help="retrain the alignment model from real-news stories with gold",
                                   description="Learn the alignment model's weights from the candidate pairs of "
                                               "the stories' figures, labelled by their gold, and choose its "
                                               "thresholds by cross-validation by story; write the weights file "
                                               "(needs the [train] extra: pip install -e '.[train]').")
    training.add_argument("--realnews", action="append", type=Path, required=True, metavar="DIR",
                          help="a folder of story folders with gold.yaml (repeatable)")
    training.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                          help="where to write the weights (default: the shipped rules/models/align.yaml)")
    training.add_argument("--seed", type=int, default=0, help="the training seed (default 0)")

    rules = commands.add_parser("rules", help="validate or list rule files")
    rule_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    validate = rule_commands.add_parser("validate", parents=[common],
                                        help="check rule and lexicon files; print every problem")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="rule files or folders (default: the shipped rules and lexicons)")
    testing = rule_commands.add_parser("test", parents=[common],
                                       help="run every rule's examples, each under its own rule; "
                                            "exit 2 if one fails")
    testing.add_argument("--rules", action="append", type=Path, default=[], metavar="PATH")
    testing.add_argument("--project", type=Path, default=None, metavar="DIR", help=PROJECT_HELP)
    rule_commands.add_parser("schema", parents=[common],
                             help="print the JSON Schema of rule files (every kind's keys)",
                             description="Print the JSON Schema rule files are validated against, for an "
                                         "editor's YAML language server (rules/schema/rule.schema.json is a copy).")
    listing = rule_commands.add_parser("list", parents=[common],
                                       help="list the rules in force and where each comes from")
    listing.add_argument("--rules", action="append", type=Path, default=[], metavar="PATH")
    listing.add_argument("--project", type=Path, default=None, metavar="DIR", help=PROJECT_HELP)
    return parser


def exit_status(report: Report, fail_on: str) -> int:
    from checker.models import SEVERITY_RANK

    if report.problems:
        return EXIT_BAD_INPUT
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[fail_on]
    failing = [f for f in report.findings if not f.reviewed and SEVERITY_RANK[f.severity] >= threshold]
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def project_root(args: argparse.Namespace) -> Path:
    """--project, else the nearest folder up from here that configures factcheck (checker/project.py)."""
    if args.project is None:
        from checker.project import find_project

        args.project = find_project(Path.cwd()) or Path.cwd()
    if not args.project.is_dir():
        raise CheckerError("no such project folder (--project)", args.project)
    return args.project


def reading(args: argparse.Namespace, knowledge: Knowledge) -> dict:
    """How articles are read: --max-article-size, --encoding, --stdin-format, and the
    languages a `lang` may name (those with a lexicon)."""
    return {"max_bytes": args.max_article_size, "encoding": args.encoding, "stdin_format": args.stdin_format,
            "languages": frozenset(knowledge.languages)}


def with_draft(articles: list[Article], path: Path, args: argparse.Namespace,
               knowledge: Knowledge) -> tuple[list[Article], str]:
    """The sources and the draft, last. A draft is one file (or standard input); lying
    among its sources, it is the draft, not a source; another file with its id is refused."""
    from checker.ingest import load_articles

    if str(path) == "-" and any(str(p) == "-" for p in args.paths):
        raise CheckerError("standard input holds one article: give - as a PATH or as --draft, not both")
    if str(path) != "-" and path.is_dir():
        raise CheckerError("--draft takes one article file, not a folder: check each draft on its own", path)
    drafts, problems = load_articles([path], **reading(args, knowledge))
    if problems:
        raise CheckerError(problems[0].message)
    draft = drafts[0]
    sources = [a for a in articles if os.path.realpath(a.path) != os.path.realpath(draft.path)]
    clash = next((a for a in sources if a.id == draft.id), None)
    if clash is not None:
        raise CheckerError(f"the draft's id '{draft.id}' is also the id of the source {clash.path}; "
                           "rename one of them", path)
    return sources + [draft], draft.id


def run_inputs(args: argparse.Namespace, articles: list[Article], problems: list[ArticleProblem],
               knowledge: Knowledge) -> list[Path]:
    """Every file the run reads or was given, which no report may overwrite."""
    from checker.ingest.files import METADATA_FILES

    inputs = [Path(a.path) for a in articles] + [Path(p.path) for p in problems]
    inputs += [p for p in [*args.paths, args.draft, args.baseline] if p is not None and str(p) != "-"]
    folders = {p.parent for p in inputs} | {p for p in args.paths if p.is_dir()}
    inputs += [folder / name for folder in folders for name in METADATA_FILES]
    inputs += [Path(rule.source) for rule in knowledge.rules.rules.values()]
    return inputs


def tell_problems(problems: list[ArticleProblem], quiet: bool) -> None:
    if quiet and problems:
        print(f"factcheck: {len(problems)} input problem(s), listed in the report", file=sys.stderr)
        return
    for problem in problems:
        print(f"factcheck: {problem.message}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    from checker.corpus import check_corpus
    from checker.ingest import load_articles
    from checker.judge.baseline import read_baseline
    from checker.knowledge import load_knowledge
    from checker.models import ArticleProblem
    from checker.parallel.pool import default_jobs
    from checker.progress import progress_for
    from checker.report.files import refuse_clobbering
    from checker.report.outputs import output_files, plan_outputs

    if args.against is not None:
        return run_against(args)
    if not args.paths:
        raise CheckerError("give articles to check (PATH...), or a --draft and a store to check it --against")
    outputs = plan_outputs(args.output, args.json, args.sarif, args.format, args.html)
    knowledge = load_knowledge(args.rules, project_root(args))
    articles, problems = load_articles(args.paths, **reading(args, knowledge))
    draft_id = None
    if args.draft is not None:
        articles, draft_id = with_draft(articles, args.draft, args, knowledge)
    refuse_clobbering(output_files(outputs), run_inputs(args, articles, problems, knowledge),
                      [p for p in args.paths if p.is_dir()])
    baseline = args.baseline or (args.project / DEFAULT_BASELINE)
    reviewed = read_baseline(baseline) if args.baseline or baseline.is_file() else {}
    problems += [ArticleProblem(path=e.path or "", message=str(e)) for e in knowledge.skipped_rules]
    progress = progress_for(args.quiet)
    try:
        stories = check_corpus(articles, knowledge, problems, draft=draft_id, reviewed=reviewed,
                               jobs=args.jobs or default_jobs(), stories=args.stories,
                               max_claims=args.max_claims, progress=progress)
    finally:
        progress.close()
    return write_reports(args, stories, outputs, knowledge)


def write_reports(args: argparse.Namespace, stories: list, outputs: list[Output], knowledge: Knowledge) -> int:
    """Every report of a run's stories (report/outputs.py), each file whole or not at all;
    input problems and a one-line summary on stderr; the exit status they give."""
    from checker.report.outputs import run_summary, write_outputs
    from checker.report.stories import combined

    report = combined(stories)
    write_outputs(outputs, stories, knowledge.rules, args.show_all)
    tell_problems(report.problems, args.quiet)
    if not args.quiet:
        print(f"factcheck: {run_summary(report, outputs)}", file=sys.stderr)
    return exit_status(report, args.fail_on)


def run_against(args: argparse.Namespace) -> int:
    from checker.archive.against import check_against
    from checker.ingest import load_articles
    from checker.judge.baseline import read_baseline
    from checker.knowledge import load_knowledge
    from checker.parallel.pool import default_jobs
    from checker.report.files import refuse_clobbering
    from checker.report.outputs import output_files, plan_outputs

    if args.draft is None:
        raise CheckerError("--against checks a draft: give it with --draft FILE")
    if args.paths:
        raise CheckerError("--against takes its sources from the store: give no PATH")
    outputs = plan_outputs(args.output, args.json, args.sarif, args.format, args.html)
    knowledge = load_knowledge(args.rules, project_root(args))
    drafts, problems = load_articles([args.draft], **reading(args, knowledge))
    if problems:
        raise CheckerError(problems[0].message)
    refuse_clobbering(output_files(outputs),
                      [args.draft, args.against, *([args.baseline] if args.baseline else [])], [])
    baseline = args.baseline or (args.project / DEFAULT_BASELINE)
    reviewed = read_baseline(baseline) if args.baseline or baseline.is_file() else {}
    stories = check_against(drafts[0], args.against, knowledge, args.window, reviewed,
                            args.jobs or default_jobs())
    return write_reports(args, stories, outputs, knowledge)


def run_index(args: argparse.Namespace) -> int:
    from checker.knowledge import knowledge_key, load_knowledge
    from checker.parallel.pool import default_jobs

    if args.scheduler and args.local_cluster:
        raise CheckerError("give --scheduler ADDRESS or --local-cluster WORKERS, not both")
    knowledge = load_knowledge(args.rules, project_root(args))
    key = knowledge_key(args.rules, args.project)
    if args.scheduler or args.local_cluster:
        from checker.archive.distributed import index_on_dask

        stats, problems = index_on_dask(args.paths, args.store, knowledge, key, args.rules, args.project,
                                        args.scheduler, args.local_cluster, args.lock_timeout, tell)
    else:
        from checker.archive.index import index_paths

        stats, problems = index_paths(args.paths, args.store, knowledge, key, args.jobs or default_jobs(),
                                      args.lock_timeout, tell)
    for problem in problems:
        print(f"factcheck: {problem.message}", file=sys.stderr)
    print(f"{args.store}: {stats}")
    return EXIT_BAD_INPUT if problems else EXIT_CLEAN


def run_validate(args: argparse.Namespace) -> int:
    """Every check `check` runs on rules: each file (schema, ids, message templates),
    then the rules together (overrides' targets, what lexicon rules add)."""
    from checker.knowledge import load_knowledge
    from checker.knowledge.rules import load_rules, read_rule_file, rule_paths
    from checker.knowledge.sources import read_lexicon_sources
    from checker.tools.selectors import dead_selectors

    problems: list[RuleError] = []
    if args.paths:
        for given in args.paths:
            if not given.exists():
                problems.append(RuleError("no such rule file or folder", given))
                continue
            paths = rule_paths(given)
            if not paths:
                problems.append(RuleError("no rule files (.yaml, .yml) in this folder", given))
            for path in paths:
                problems.extend(read_rule_file(path)[1])
    else:
        for loader in (read_lexicon_sources, load_rules):
            try:
                loader()
            except RuleErrors as exc:
                problems.extend(exc.errors)
    knowledge = None
    if not problems:
        try:
            knowledge = load_knowledge(args.paths)
        except RuleErrors as exc:
            problems.extend(exc.errors)
        else:
            problems.extend(knowledge.skipped_rules)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems or knowledge is None:
        return EXIT_BAD_INPUT
    for rule in knowledge.rules.rules.values():
        for warning in dead_selectors(rule, knowledge):
            print(f"{rule.source}:{rule.line}: warning: {warning}", file=sys.stderr)
    for change in knowledge.rules.changes:
        print(f"{change.source}: warning: built-in rule '{change.rule}': {change.change}", file=sys.stderr)
    print("all rule files are valid")
    return EXIT_CLEAN


def run_rule_tests(args: argparse.Namespace) -> int:
    from checker.knowledge import load_knowledge
    from checker.tools.selftest import test_rule

    knowledge = load_knowledge(args.rules, project_root(args))
    tested = [r for r in knowledge.rules.rules.values() if r.spec.get("examples")]
    failing = 0
    for rule in tested:
        problems = test_rule(rule, knowledge)
        failing += bool(problems)
        for problem in problems:
            print(f"factcheck: {problem}", file=sys.stderr)
    print(f"{len(tested) - failing}/{len(tested)} rules with examples pass")
    return EXIT_BAD_INPUT if failing else EXIT_CLEAN


def run_list(args: argparse.Namespace) -> int:
    from checker.knowledge.rules import load_rules

    ruleset = load_rules(args.rules, project_root(args))
    for rule in ruleset.rules.values():
        severity = rule.spec.get("severity", "")
        print(f"{rule.id}\t{rule.kind}\t{severity}\t{rule.source}:{rule.line}")
    return EXIT_CLEAN


def run_eval(args: argparse.Namespace) -> int:
    from checker.knowledge import load_knowledge
    from checker.report.outputs import print_out
    from checker.tools.ans import run_ans
    from checker.tools.gold import evaluate
    from checker.tools.realnews import evaluate_corpus
    from checker.tools.realnews import render as render_realnews
    from checker.tools.realnews import render_extraction

    if args.story and not args.realnews:
        raise CheckerError("--story selects stories of --realnews DIR; give the folder too")
    if args.extraction and not args.realnews:
        raise CheckerError("--extraction scores the stories of --realnews DIR; give the folder too")
    if not args.gold and not args.ans and not args.realnews:
        raise CheckerError("give gold files, --ans PAIRS.jsonl or --realnews DIR")
    if args.cross_validate and not args.realnews:
        raise CheckerError("--cross-validate scores real-news stories; give --realnews DIR")
    knowledge = load_knowledge()
    if args.cross_validate:
        sys.stdout.write(cross_validated(args, knowledge))
    elif args.realnews:
        results = evaluate_corpus(args.realnews, knowledge, args.story)
        render_stories = render_extraction if args.extraction else render_realnews
        print_out(render_stories(results, args.format == "markdown", args.verbose))
    if args.ans:
        ans = run_ans(args.ans, knowledge)
        print(f"ANS: {ans.caught}/{ans.contradictions} numeric contradictions reported as conflicts and "
              f"{ans.possible} more as possible conflicts; {ans.false_alarms}/{ans.paraphrases} paraphrases "
              f"wrongly flagged as conflicts and {ans.possible_alarms} as possible conflicts")
    if not args.gold:
        return EXIT_CLEAN
    claims, findings = evaluate(args.gold, knowledge, args.root)
    for label, score in (("claims", claims), ("findings", findings)):
        print(f"{label:9} precision {score.precision:.2f} ({score.correct}/{score.produced})  "
              f"recall {score.recall:.2f} ({score.found}/{score.gold})")
    if args.verbose:
        for label, items in (("miss", claims.misses + findings.misses),
                             ("false alarm", findings.false_alarms)):
            for item in items:
                print(f"  {label}: {item}")
    return EXIT_CLEAN


def cross_validated(args: argparse.Namespace, knowledge: Knowledge) -> str:
    from fnmatch import fnmatchcase

    from checker.tools.realnews.render import render_details
    from checker.tools.train import read_corpus
    from checker.tools.train.crossval import cross_validate
    from checker.tools.train.fit import TrainingError
    from checker.tools.train.render import render_cross_validation

    reads = read_corpus(args.realnews, knowledge)
    try:
        cv = cross_validate(reads, knowledge, args.seed)
    except TrainingError as exc:
        raise CheckerError(str(exc)) from None
    chosen = [r for r in cv.results if not args.story or any(fnmatchcase(r.story.name, p) for p in args.story)]
    text = render_cross_validation(cv, args.format == "markdown")
    if args.verbose:
        text += "\n" + "\n".join(render_details(r) for r in chosen)
    return text


def run_train(args: argparse.Namespace) -> int:
    from checker.knowledge import load_knowledge
    from checker.knowledge.alignment import model_path
    from checker.report.files import write_atomically
    from checker.tools.train import model_text, read_corpus, train
    from checker.tools.train.fit import TrainingError

    knowledge = load_knowledge()
    reads = read_corpus(args.realnews, knowledge)
    try:
        data = train(reads, knowledge, args.seed)
    except TrainingError as exc:
        raise CheckerError(str(exc)) from None
    target = args.output or model_path()
    write_atomically(target, model_text(data))
    print(f"factcheck: trained on {data.trained['pairs']:,} pairs of {data.trained['stories']} stories; "
          f"thresholds conflict {data.thresholds.conflict:.3f}, possible {data.thresholds.possible:.3f} → {target}",
          file=sys.stderr)
    return EXIT_CLEAN


def run(args: argparse.Namespace) -> int:
    checker.failures.SHOW_TRACEBACKS = getattr(args, "debug", False)  # a bug kept to one article's too
    if hasattr(args, "project"):
        project_root(args)  # found (or checked) once, before any command reads args.project
    if args.command == "check":
        return run_check(args)
    if args.command == "index":
        return run_index(args)
    if args.command == "eval":
        return run_eval(args)
    if args.command == "train":
        return run_train(args)
    if args.rules_command == "validate":
        return run_validate(args)
    if args.rules_command == "schema":
        from checker.judge.schema import rule_schema_text

        from checker.report.outputs import print_out

        print_out(rule_schema_text())
        return EXIT_CLEAN
    if args.rules_command == "test":
        return run_rule_tests(args)
    return run_list(args)


@contextmanager
def exits_on_termination() -> Iterator[None]:
    """SIGTERM and SIGHUP end the run as an exception would, so that every `finally`
    runs: temporary report files and the store's lock go with it (a SIGKILL cannot be
    caught; the next run removes what it leaves)."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {}
    try:
        for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if number is not None:
                previous[number] = signal.signal(number, stop)
    except ValueError:  # not the main thread (a test's runner): nothing to install
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def main(argv: list[str] | None = None) -> int:
    if sys.stderr is None:  # closed by the caller: messages go nowhere, the exit status still tells
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        with exits_on_termination():
            return run(args)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 128 + 2
    except RuleErrors as exc:
        for error in exc.errors:
            print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CheckerError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader of our output went away (| head): nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - a bug, said as one, never exit status 1
        if getattr(args, "debug", False):
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        print(f"factcheck: internal error ({detail}). This is a bug in factcheck, not a problem with "
              "your input; please report it (--debug shows the traceback).", file=sys.stderr)
        return EXIT_BAD_INPUT


def entry() -> None:
    """The program (`factcheck`, `python -m checker`): main(), then an exit that skips tearing
    the interpreter down. Freeing every object and module one by one took 40 to 55 ms of a
    seeds run (a sixth of it) and serves nothing: by now the reports are written and closed,
    temporary files and the store's lock are gone and the workers stopped (each in a
    `finally`), and nothing registers work for the exit. Tests call main() and are unaffected;
    under a profiler or a tracer (cProfile, coverage) the exit is the ordinary one, which
    they need to write what they gathered."""
    status = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: closed by the caller
                stream.flush()
    except (OSError, ValueError):  # a stream gone or closed: the ordinary exit says what it says
        sys.exit(status)
    os._exit(status)
