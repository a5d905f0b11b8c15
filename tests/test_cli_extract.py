"""`urgent extract` as a user runs it: output shapes, options, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOCS, seed

URGENT = [sys.executable, "-m", "urgent"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*URGENT, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_one_file_prints_one_json_record() -> None:
    out = run("extract", str(seed("000")))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["schema"] == "urgent/1"
    assert record["deadline"] == "2017-08-17"
    assert record["source"]["name"] == seed("000").name


def test_several_files_print_json_lines_in_input_order() -> None:
    files = [seed("003"), seed("000"), seed("001")]
    out = run("extract", *map(str, files))
    assert out.returncode == 0, out.stderr
    names = [json.loads(line)["source"]["name"] for line in out.stdout.splitlines()]
    assert names == [f.name for f in files]


def test_a_directory_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "ua.txt").write_bytes(seed("003").read_bytes())
    (tmp_path / "top.txt").write_bytes(seed("000").read_bytes())
    out = run("extract", str(tmp_path), "--workers", "2")
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 2


def test_text_prints_the_text_the_spans_index_into() -> None:
    out = run("extract", "--text", str(seed("003")))
    record = json.loads(run("extract", str(seed("003"))).stdout)
    start, end = record["spans"]["deadline"]
    assert out.stdout[start:end] == "28 MARCH 2012"


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    out = run("extract", str(seed("002")), "-o", str(target))
    assert out.returncode == 0 and out.stdout == ""
    assert json.loads(target.read_text())["kind"] == "letter"


def test_today_adds_a_deadline_warning() -> None:
    out = run("extract", str(seed("003")), "--today", "2012-04-01")
    assert "deadline 2012-03-28 has passed (today is 2012-04-01)" in json.loads(out.stdout)["warnings"]
    assert run("extract", str(seed("003")), "--today", "yesterday").returncode == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty document"),
        (b"   \n\t ", "empty document"),
        (bytes(range(256)) * 8, "binary data, not a text document"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image without text layer; OCR is not supported"),
        (b"%PDF-1.7\n1 0 obj <<", "damaged or truncated PDF"),
    ],
)
def test_bad_input_is_one_readable_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = run("extract", str(bad))
    assert out.returncode == 2
    assert out.stderr.strip() == f"urgent: {bad}: {message}"
    assert "Traceback" not in out.stderr


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    out = run("extract", str(tmp_path / "nope.txt"))
    assert out.returncode == 2 and out.stderr.startswith("urgent: ") and "No such file" in out.stderr
    big = tmp_path / "big.txt"
    big.write_bytes(seed("000").read_bytes() * 300)  # ~1.6 MB
    out = run("extract", str(big), "--max-size", "1")
    assert out.returncode == 2
    assert "over the 1 MB limit" in out.stderr


def test_a_batch_reports_failures_and_carries_on(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(seed("000").read_bytes())
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_bytes(seed("001").read_bytes())
    out = run("extract", str(tmp_path))
    assert out.returncode == 2
    assert len(out.stdout.splitlines()) == 2
    assert out.stderr.strip() == f"urgent: {tmp_path / '2.txt'}: empty document"


def test_every_command_has_help() -> None:
    out = run("--help")
    assert out.returncode == 0 and "extract" in out.stdout
    assert run("extract", "--help").returncode == 0


def test_formats_are_decided_from_the_bytes(tmp_path: Path) -> None:
    """An HTML page saved as .txt and a PDF without extension are read as such."""
    html = next(DOCS.glob("14_*"))
    disguised = tmp_path / "page.txt"
    disguised.write_bytes(html.read_bytes())
    record = json.loads(run("extract", str(disguised)).stdout)
    assert record["source"]["format"] == "html"
    assert "<" not in run("extract", "--text", str(disguised)).stdout
