"""Run the benchmarks: ``python -m bench`` runs every section, ``python -m bench extract`` one."""

from __future__ import annotations

import argparse
import importlib
import sys
import time

# Section name → module with a `run()` that prints its figures, in the order they run.
# Add a section here.
SECTIONS: dict[str, str] = {
    "extract": "bench.extract",
    "ingest": "bench.ingest",
    "search": "bench.search",
    "letters": "bench.letters",
    "web": "bench.web",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Run the benchmark sections and print their figures."
    )
    parser.add_argument(
        "sections", nargs="*", metavar="SECTION", help=f"one of: {', '.join(SECTIONS)} (default: all)"
    )
    args = parser.parse_args(argv)
    unknown = [s for s in args.sections if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    for name in args.sections or SECTIONS:
        run_section(name)
    return 0


def run_section(name: str) -> None:
    print(f"== {name} ==", flush=True)
    started = time.perf_counter()
    importlib.import_module(SECTIONS[name]).run()
    print(f"-- {name}: {time.perf_counter() - started:.0f} s --\n", flush=True)


if __name__ == "__main__":
    sys.exit(main())
