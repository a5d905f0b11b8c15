"""Property test: 10,000 random and mutated documents.

Whatever the input, `extract` returns a record or refuses it with a
`ReadError`; nothing else escapes, the record serialises to JSON, and every
span points at text that evidences its value.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DOCS, SEEDS
from urgent.errors import ReadError
from urgent.extract import extract_document
from urgent.extract.verify import span_problems
from urgent.read import read

BASES = [read(p).text for p in sorted([*SEEDS.iterdir(), *DOCS.iterdir()])]
ENCODINGS = ["utf-8", "utf-16", "cp1252", "gb18030", "euc-kr", "latin-1"]
EXAMPLES = int(os.environ.get("URGENT_PROPERTY_EXAMPLES", "10000"))

noise = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF), min_size=0, max_size=200
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(BASES)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["drop", "dup", "noise", "swap", "cut", "case", "join", "bullet"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if not lines:
            break
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "noise":
            lines.insert(i, draw(noise))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "cut":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif op == "case":
            lines[i] = lines[i].upper() if draw(st.booleans()) else lines[i].lower()
        elif op == "join":
            lines[i : i + 2] = [" ".join(lines[i : i + 2])]
        else:
            lines[i] = draw(st.sampled_from(["- ", "• ", "1) ", "Fax: ", "Salutation: ", "# "])) + lines[i]
    return "\n".join(lines)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "noise", "bytes", "html"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    text = draw(noise) if kind == "noise" else draw(mutated())
    if kind == "html":
        text = f"<html><body><div><p>{text.replace(chr(10), '</p><p>')}</p></div><script>x()</script></body></html>"
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="ignore")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(documents())
def test_any_document_gives_a_record_or_a_clear_refusal(data: bytes) -> None:
    try:
        doc = read(data)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)  # one readable line
        return
    record = extract_document(doc)
    json.dumps(record.to_dict())
    assert span_problems(record, doc.text) == []
