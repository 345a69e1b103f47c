"""What the pages say about a claim: its fields in reading order and the tooltip of its highlight.

The fields of each kind are data (:data:`FIELDS`): a label, the property, and how to show its value. Values are
shown as found in the store; IRIs are shown by their label and linked by the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.namespaces import KG
from kg.web.data import Claim, Labels

Show = str  # "text" | "actor" | "concept" | "number" | "date"


@dataclass(frozen=True)
class Field:
    """One line of a claim's card: a label, the shown value, and the IRI it stands for (for a link)."""

    label: str
    text: str
    iri: str | None = None
    show: Show = "text"


_COMMON = (("rule", KG.rule, "text"), ("confidence", KG.confidence, "number"))
FIELDS: dict[str, tuple[tuple[str, object, Show], ...]] = {
    "statement": (
        ("speaker", KG.speaker, "actor"), ("said on", KG.saidOn, "date"), ("medium", KG.medium, "concept"),
        ("kind", KG.statementKind, "concept"), *_COMMON,
    ),
    "meeting": (
        ("participant", KG.participant, "actor"), ("host", KG.host, "actor"), ("place", KG.place, "text"),
        ("from", KG.startDate, "date"), ("to", KG.endDate, "date"), ("kind", KG.meetingKind, "concept"),
        ("status", KG.meetingStatus, "concept"), *_COMMON,
    ),
    "prediction": (
        ("predictor", KG.predictor, "actor"), ("hedge", KG.hedgeText, "text"),
        ("probability", KG.probability, "number"), ("low", KG.probabilityLow, "number"),
        ("high", KG.probabilityHigh, "number"), ("deadline", KG.deadline, "date"), ("made on", KG.madeOn, "date"),
        ("polarity", KG.polarity, "concept"), *_COMMON,
    ),
}


def number(v: str) -> str:
    """A decimal as shown: two places, trailing zeros kept.

    >>> number("0.675"), number("1"), number("x")
    ('0.68', '1.00', 'x')
    """
    try:
        return f"{float(v):.2f}"
    except ValueError:
        return v


def fields(claim: Claim, name: Labels) -> list[Field]:
    """The card of *claim*: its fields in order (several values: one field each), then its status."""
    out = []
    for label, prop, show in FIELDS.get(claim.kind, _COMMON):
        for v in claim.all(prop):
            if show in ("actor", "concept"):
                out.append(Field(label, name(v), v, show))
            elif show == "number":
                out.append(Field(label, number(v), None, show))
            else:
                out.append(Field(label, v, None, show))
    if claim.kind == "prediction":
        status = name(claim.status) if claim.status else "open"
        out.append(Field("status", status + (" (needs review)" if claim.review else ""), claim.status, "concept"))
    return out


def tooltip(claim: Claim, name: Labels) -> str:
    """The hover text of a highlight: the kind, then one ``label: value`` per field.

    Plain text: the template escapes it into a ``title`` attribute.
    """
    lines = [claim.kind.capitalize()]
    for f in fields(claim, name):
        lines.append(f"{f.label}: {f.text}")
    return "\n".join(lines)

