"""Campaigners' corrections, applied to a record by path ("targets[0].faxes")."""

from __future__ import annotations

import copy
import re
from typing import Any, Protocol

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


class CorrectionLike(Protocol):
    field: str
    new_value: Any


def get_path(data: dict[str, Any], path: str) -> Any:
    current: Any = data
    for name, index in _STEP.findall(path):
        current = current[name]
        if index:
            current = current[int(index)]
    return current


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    steps = _STEP.findall(path)
    if not steps:
        raise KeyError(path)
    current: Any = data
    for name, index in steps[:-1]:
        current = current[name]
        if index:
            current = current[int(index)]
    name, index = steps[-1]
    if index:
        current[name][int(index)] = value
    else:
        current[name] = value


def apply_corrections(record: dict[str, Any], corrections: list[CorrectionLike]) -> dict[str, Any]:
    """A copy of the record with each correction applied in order; a path that no
    longer exists in a re-extracted record is skipped, not an error."""
    out = copy.deepcopy(record)
    for c in corrections:
        try:
            set_path(out, c.field, c.new_value)
        except (KeyError, IndexError, TypeError):
            continue
    return out
