"""The ``artikel`` command line: parses arguments and dispatches (the work is elsewhere).

Exit codes: 0 when the command ran (inputs that could not be read are listed in the
``errors`` table, not fatal); 1 when it could not run at all (no such model, output
folder not writable or in use by another run, unusable gold files) or no input could be
read; 2 for wrong arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .tables import FORMATS

DESCRIPTION = """\
Turn German news articles into tidy tables: articles, paragraphs, sentences,
entities, quotes, timexes and errors (one file per table)."""

ANALYZE_EPILOG = """\
inputs:
  article files in the seed format (first line ' date YYYY-MM ' then the text),
  plain .txt, .html pages, and .jsonl/.csv/.parquet tables with a 'text' column
  (optional: id, date, title, url, source). Folders are read recursively; globs
  such as 'corpus/**/*.txt' work (quote them). Gzipped files (.gz) are read too.

examples:
  artikel analyze seeds --out output/
  artikel analyze 'crawl/2019-*.jsonl' --out out/ --format csv --jobs 2
  artikel analyze corpus/ --out out/ --engine dask --scheduler tcp://scheduler.example.org:8786

Large corpora are streamed in batches: memory stays flat. Results are cached per
article (DIR/.artikel-cache.sqlite): a re-run on an unchanged corpus does no NLP
work, and a run that was interrupted finishes the rest when started again. Output
files are written under temporary names and renamed when complete.

Inputs that cannot be read or analysed never stop the run: each is listed with
the reason in errors.<format>. The summary line says how many."""

EVALUATE_EPILOG = """\
examples:
  artikel evaluate --gold ../shared/dev-corpus/gold --articles ../shared/dev-corpus/articles
  artikel evaluate --wikiwarsde ../shared/corpora/wikiwarsde
  artikel evaluate --real        (the real-news report; make evaluate-real)"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``artikel`` command."""
    parser = argparse.ArgumentParser(prog="artikel", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"artikel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "analyze",
        help="analyse articles and write every table",
        description="Analyse articles and write every table to a folder.",
        epilog=ANALYZE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the tables")
    run.add_argument("--format", choices=FORMATS, default="parquet", help="default: parquet")
    run.add_argument("--jobs", type=_positive, default=1, metavar="N", help="processes (default 1)")
    run.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline: 'rules', an installed package (de_core_news_lg) or a folder; "
        "default: the model shipped with artikel",
    )
    run.add_argument("--settings", metavar="FILE", help="settings file overriding the defaults")
    run.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a dask.distributed cluster",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster",
    )
    run.add_argument(
        "--cache",
        metavar="FILE",
        help="result cache (default: DIR/.artikel-cache.sqlite); unchanged articles are not "
        "analysed again, and an interrupted run resumes where it stopped",
    )
    run.add_argument("--no-cache", action="store_true", help="analyse everything, keep no cache")
    run.add_argument(
        "--batch-size", type=_positive, default=64, metavar="N", help="articles per batch (64)"
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")

    score = commands.add_parser(
        "evaluate",
        help="score the analysis against gold annotations",
        description="Analyse ARTICLES_DIR and score it against the gold files in GOLD_DIR "
        "(format of dev-corpus/GUIDELINES.md); prints precision, recall and F1.",
        epilog=EVALUATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument("--gold", metavar="GOLD_DIR", help="folder of <id>.json")
    score.add_argument("--articles", metavar="ARTICLES_DIR", help="folder of <id>.txt")
    score.add_argument(
        "--wikiwarsde",
        metavar="DIR",
        help="instead: score temporal tagging on WikiWarsDE (inline TIMEX2 files)",
    )
    score.add_argument(
        "--real",
        action="store_true",
        help="instead: the real-news report (dev corpus, both Wikinews halves, WikiWarsDE, "
        "GermEval) side by side with the figures before it existed",
    )
    score.add_argument("--model", metavar="NAME", help="spaCy pipeline (as for analyze)")
    score.add_argument("--settings", metavar="FILE", help="settings file overriding the defaults")
    score.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _analyze(args: argparse.Namespace) -> int:
    from .run import analyze_corpus
    from .settings import load_settings

    run = analyze_corpus(
        args.paths,
        args.out,
        fmt=args.format,
        jobs=args.jobs,
        model=args.model,
        settings=load_settings(args.settings),
        engine=args.engine,
        scheduler=args.scheduler,
        cache=False if args.no_cache else (args.cache or True),
        batch_size=args.batch_size,
        progress=not args.quiet,
    )
    print(f"artikel: {run.summary()} -> {Path(args.out) / ('*.' + args.format)}")
    if run.errors:
        print(
            f"artikel: errors by reason (rows in errors.{args.format}):\n{run.error_report()}",
            file=sys.stderr,
        )
    if run.articles == 0 and run.errors:
        print("artikel analyze: error: no input could be read", file=sys.stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report
    from .settings import load_settings
    from .wikiwarsde import evaluate_wikiwarsde

    if args.real:
        from .yardstick import format_real_news_report, load_baseline, real_news_report

        result = real_news_report(model=args.model, settings=load_settings(args.settings))
        print(format_real_news_report(result, load_baseline()))
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
        return 0
    if args.wikiwarsde:
        result = evaluate_wikiwarsde(
            args.wikiwarsde, model=args.model, settings=load_settings(args.settings)
        )
    elif args.gold and args.articles:
        result = evaluate(
            args.gold, args.articles, model=args.model, settings=load_settings(args.settings)
        )
    else:
        raise ValueError("give --gold and --articles, or --wikiwarsde")
    print(format_report(result))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2, ensure_ascii=False)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``artikel`` command with ``argv`` (default: ``sys.argv[1:]``)."""
    args = build_parser().parse_args(argv)
    handlers = {"analyze": _analyze, "evaluate": _evaluate}
    try:
        return handlers[args.command](args)
    except (OSError, ValueError) as exc:
        print(f"artikel {args.command}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
