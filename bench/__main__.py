"""``python -m bench [NAME…] [--json]``: run the metrics named (all by default)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from bench.harness import REGISTRY, Result

MODULES = ("bench.persian", "bench.startup", "bench.client_search", "bench.worklists",
           "bench.client_list", "bench.forms", "bench.groups", "bench.export", "bench.solar",
           "bench.client_import", "bench.dashboard")


def _line(result: Result) -> str:
    verdict = {True: "met", False: "MISSED", None: "no goal"}[result.ok]
    goal = f"  goal {result.goal_text()}: {verdict}" if result.goal_text() else ""
    return (f"{result.name:28} {result.value:14,.4g} {result.unit:8} "
            f"baseline ({result.baseline_name}) {result.baseline:,.4g}  "
            f"ratio {result.ratio:.3g}{goal}" + (f"  [{result.note}]" if result.note else ""))


def main(argv: list[str] | None = None) -> int:
    for module in MODULES:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help=f"metrics: {', '.join(sorted(REGISTRY))}")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(REGISTRY)
    if unknown:
        parser.error(f"unknown metrics: {', '.join(sorted(unknown))}")
    results = []
    for name in args.names or sorted(REGISTRY):
        outcome = REGISTRY[name]()
        for result in outcome if isinstance(outcome, list) else [outcome]:
            results.append(result)
            if not args.json:
                print(_line(result), flush=True)
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
