"""Letters per second on one core: text letters, and pages of print-ready PDF.

Composes a letter for every target of every seed document in every language,
round after round, the way the "Take action" page does (a fresh wording seed
each time), and renders them to PDF with embedded fonts. Targets: ≥ 1,000 text
letters/s and ≥ 20 PDF pages/s.
"""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2

from urgent import extract
from urgent.letters import LANGUAGES, Sender, compose, facts_from_record
from urgent.letters.formats import text
from urgent.letters.pdf import render

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SENDER = Sender("Ana Silva", "Porto", "Portugal", "teacher")
TEXT_TARGET = 1_000.0
PDF_TARGET = 20.0


def run() -> None:
    facts = [facts_from_record(extract(p)) for p in sorted(SEEDS.iterdir())]
    jobs = [(f, i, lang) for f in facts for i in range(len(f.targets)) for lang in LANGUAGES]
    print(
        f"{len(jobs)} letters a round: {sum(len(f.targets) for f in facts)} targets × {len(LANGUAGES)} languages"
    )
    for f, i, lang in jobs:  # warm the phrase banks, fonts and gazetteer
        text(compose(f, i, lang, SENDER, seed=0))
    letters, elapsed, rounds = 0, 0.0, 0
    while elapsed < 3.0:
        started = time.perf_counter()
        for f, i, lang in jobs:
            text(compose(f, i, lang, SENDER, "I have followed this case for years.", seed=rounds))
        elapsed += time.perf_counter() - started
        letters += len(jobs)
        rounds += 1
    _report("text letters", letters / elapsed, TEXT_TARGET, "letters/s")
    batch = [compose(f, i, lang, SENDER, seed=1) for f, i, lang in jobs]
    render(batch[:3])
    pages, elapsed = 0, 0.0
    while elapsed < 3.0:
        started = time.perf_counter()
        data = render(batch)
        elapsed += time.perf_counter() - started
        pages += len(pypdfium2.PdfDocument(data))
    _report("PDF", pages / elapsed, PDF_TARGET, "pages/s")


def _report(label: str, rate: float, target: float, unit: str) -> None:
    verdict = "PASS" if rate >= target else "FAIL"
    print(f"{label}: {rate:,.0f} {unit} on one core (target ≥ {target:,.0f}: {verdict})")
