"""The hand-written resolution test records (tests/data/resolve/*.json) and the IRIs their nodes get."""

from __future__ import annotations

import json
from pathlib import Path

from kg.mapping import map_records
from kg.records import Records

DATA = Path(__file__).parent / "data" / "resolve"


def record_iris() -> dict[tuple[str, str], str]:
    """(article URL, record id) -> node IRI, from the hand-written records (IRIs come from words, kg.identity)."""
    out = {}
    for f in sorted(DATA.glob("*.json")):
        records = Records.from_dict(json.loads(f.read_text(encoding="utf-8")))
        for rid, node in map_records(records).iris.items():
            out[(records.article.url or "", rid)] = node
    return out


IRIS = record_iris()
IDS = {node: rid for (_url, rid), node in IRIS.items()}
