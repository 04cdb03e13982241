"""Published answers from tests/data/reference_cases.csv, parsed into exact numbers."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

PATH = Path(__file__).parent / "data" / "reference_cases.csv"


def cases() -> dict[str, dict[str, str]]:
    with PATH.open(newline="", encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def fractions(text: str) -> list[Fraction]:
    """Parse '(1/3;5/6;11/6)' or '2/3;1/6;1/6' or '848 / 84' into Fractions."""
    cleaned = text.strip().strip("()")
    separator = ";" if ";" in cleaned else "/ " if " / " in cleaned else None
    parts = cleaned.split(";") if separator == ";" else (
        cleaned.split(" / ") if separator else [cleaned])
    return [Fraction(p.strip()) for p in parts]
