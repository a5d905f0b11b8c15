"""The extraction benchmark corpus, generated once into a cache directory.

    corpus = load()          # generates bench/corpus/extract/ when missing or stale
    corpus.documents         # 2,000+ plain-text variants of the seeds and test documents
    corpus.series[8]         # one header, 8 copies of the case/background paragraphs, one appeals block

Every source is decoded with `urgent.read.read`, so the UTF-16, GB18030 and
EUC-KR test documents, the HTML page and the e-mail all become UTF-8 text. The
generator is deterministic (fixed seed); the cache is rebuilt only when the
generator (its version or code) or a decoded source document changes.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import variants as v
from urgent.extract.language import detect_language
from urgent.read import read

# The cache key hashes this, the generator's code and the decoded sources; bump it to
# force a rebuild for any other reason.
GENERATOR_VERSION = "1"
RANDOM_SEED = 20240611
CORPUS_SIZE = 2000
SERIES_COPIES = (1, 2, 4, 8, 16, 32)
# A 2010s Amnesty UA whose case and "additional information" paragraphs make a ~3.5 KB unit.
SERIES_BASE = "000_7070691397e3d56c"

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_DIR = BENCH / "corpus" / "extract"
SOURCE_DIRS = (REPO / "tests" / "data" / "docs", REPO.parent / "shared" / "seeds")
# Gold records name the invented people of the test documents. The seeds' names
# are real officials and are left as written.
GOLD_DIR = REPO / "tests" / "data" / "gold"


@dataclass(frozen=True)
class Source:
    stem: str
    text: str
    language: str
    names: tuple[str, ...] = ()


@dataclass
class Corpus:
    directory: Path
    documents: list[Path]
    series: dict[int, Path]
    generated_in: float | None = None  # seconds, or None when read from the cache
    sizes: list[int] = field(default_factory=list)  # bytes of each document, same order


def load(directory: Path = DEFAULT_DIR, count: int = CORPUS_SIZE) -> Corpus:
    """The corpus in ``directory``, generated first if missing or made by another generator."""
    started = time.perf_counter()
    sources = [_source(p) for p in _source_paths()]
    key = _cache_key(sources, count)
    manifest = directory / "manifest.json"
    cached = _read_manifest(manifest, key)
    if cached is None:
        cached = _generate(directory, sources, count)
        manifest.write_text(json.dumps({"key": key, **cached}, indent=1), encoding="utf-8")
        elapsed: float | None = time.perf_counter() - started
    else:
        elapsed = None
    documents = [directory / name for name in cached["documents"]]
    series = {int(n): directory / name for n, name in cached["series"].items()}
    return Corpus(directory, documents, series, elapsed, [p.stat().st_size for p in documents])


# Cache ---------------------------------------------------------------------------------------


def _source_paths() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in d.iterdir() if p.is_file())


def _cache_key(sources: list[Source], count: int) -> str:
    """Changes with the generator (version, code, settings) and with what it starts from."""
    digest = hashlib.sha256(f"{GENERATOR_VERSION}:{RANDOM_SEED}:{count}:{SERIES_COPIES}".encode())
    for module in (Path(__file__), Path(v.__file__)):
        digest.update(module.read_bytes())
    for s in sources:
        digest.update(repr(s).encode())
    return digest.hexdigest()


def _read_manifest(manifest: Path, key: str) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("key") != key:
        return None
    names = [*data["documents"], *data["series"].values()]
    if not all((manifest.parent / name).is_file() for name in names):
        return None
    return data


# Sources -------------------------------------------------------------------------------------


def _source(path: Path) -> Source:
    text = read(path).text
    return Source(path.stem, text, detect_language(text), _gold_names(path.stem))


def _gold_names(stem: str) -> tuple[str, ...]:
    gold = GOLD_DIR / f"{stem}.json"
    if not gold.exists():
        return ()
    record = json.loads(gold.read_text(encoding="utf-8"))
    names = [*record.get("people", {}).get("names", [])]
    names += [t.get("name") for t in record.get("targets", [])]
    names += [s.get("name") for s in record.get("signatories", [])]
    return tuple(n for n in names if n)


# Generation ----------------------------------------------------------------------------------


def _generate(directory: Path, sources: list[Source], count: int) -> dict[str, Any]:
    for sub in ("docs", "series"):
        shutil.rmtree(directory / sub, ignore_errors=True)
        (directory / sub).mkdir(parents=True)
    documents = _write_documents(directory, sources, count)
    base = next(s for s in sources if s.stem == SERIES_BASE)
    series: dict[str, str] = {}
    for copies in SERIES_COPIES:
        name = f"series/{copies:02d}_copies.txt"
        (directory / name).write_text(expand(base, copies), encoding="utf-8")
        series[str(copies)] = name
    return {"documents": documents, "series": series}


def _write_documents(directory: Path, sources: list[Source], count: int) -> list[str]:
    """``count`` distinct variants, taking the sources in turn."""
    seen: set[str] = set()
    names: list[str] = []
    for i in range(count):
        source = sources[i % len(sources)]
        rng = random.Random(f"{RANDOM_SEED}:{i}")
        text = _distinct(source, rng, seen)
        seen.add(text)
        name = f"docs/{i:05d}_{source.stem}.txt"
        (directory / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def _distinct(source: Source, rng: random.Random, seen: set[str], tries: int = 20) -> str:
    for _ in range(tries):
        text = variant(source, rng)
        if text not in seen:  # a repeat is rare: a short source and a draw that changed little
            return text
    raise RuntimeError(f"{source.stem}: no new variant in {tries} tries; the variations are too narrow")


def variant(source: Source, rng: random.Random) -> str:
    """Another case in the style of ``source``: every document gets new dates and numbers."""
    shift = v.Shift(days=rng.randint(-180, 180), years=rng.randint(-6, 6))
    text = v.vary_names(source.text, source.names, rng)
    if rng.random() < 0.5:
        text = v.vary_countries(text, rng)
    text = v.vary_numbers(v.vary_dates(text, shift), shift, rng)
    if rng.random() < 0.5:
        text = v.shuffle_background(text, rng)
    if rng.random() < 0.5:
        text = v.drop_sentence(text, rng)
    if rng.random() < 0.5:
        text = v.add_sentence(text, source.language, rng)
    return text


def expand(base: Source, copies: int) -> str:
    """``base`` with each run of prose paragraphs written ``copies`` times, as different cases.

    The header, the asks and the appeals block appear once; copy 0 is the
    original, the others move names, numbers, dates (by days) and sentences.
    """
    cases = [base.text] + [_case(base, random.Random(f"{RANDOM_SEED}:series:{k}")) for k in range(1, copies)]
    split = [c.split("\n\n") for c in cases]
    assert len({len(blocks) for blocks in split}) == 1, "a variation changed the paragraph structure"
    runs = {run[0]: run for run in v.prose_runs(split[0])}
    inside = {i for run in runs.values() for i in run[1:]}
    out: list[str] = []
    for i, block in enumerate(split[0]):
        if i in runs:
            out += [blocks[j] for blocks in split for j in runs[i]]
        elif i not in inside:
            out.append(block)
    return "\n\n".join(out)


def _case(base: Source, rng: random.Random) -> str:
    shift = v.Shift(days=rng.randint(-60, 60), years=0)
    text = v.vary_names(base.text, base.names, rng)
    text = v.vary_numbers(v.vary_dates(text, shift), shift, rng)
    text = v.drop_sentence(text, rng)
    return v.add_sentence(text, base.language, rng)
