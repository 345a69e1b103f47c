"""The records seam: what extraction returns and mapping consumes, with its JSON form.

One article becomes one :class:`Records` document. Its JSON form (``Records.to_dict`` / ``Records.from_dict``)
is the documented contract (docs/records.md): a person may correct machine output by editing the JSON and
ingesting it again with ``kg ingest FILE.json``.

Offsets (``start``, ``end``) are Python string indices (Unicode code points) into ``article.text``, end
exclusive, so ``article.text[start:end] == span.text``.

>>> r = Records(article=ArticleRecord(text="Hi.", title="T"))
>>> Records.from_dict(r.to_dict()) == r
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import types
import typing
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

from kg.errors import RecordsError
from kg.namespaces import (
    COMPARISONS,
    MEETING_KINDS,
    MEETING_STATUSES,
    OUTCOME_KINDS,
    POLARITIES,
    STATEMENT_KINDS,
)

ACTOR_TYPES = ("Person", "Organization", "Country")
FORMAT_VERSION = 1

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass
class Span:
    """Exact words of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class ArticleRecord:
    """Metadata and text of the source document."""

    text: str = ""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    retrieved: str | None = None  # ISO date-time
    content_hash: str | None = None  # sha256 hex of text; computed when missing

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Actor:
    """One actor of the article; every mention of it resolves to this record."""

    id: str
    label: str
    type: str  # Person | Organization | Country
    wikidata: str | None = None  # Q-id such as "Q22686"
    iri: str | None = None  # registry IRI; None -> minted from the normalised label
    mentions: list[Span] = field(default_factory=list)
    rule: str = "registry"
    confidence: float = 1.0


@dataclass
class Statement:
    """A claim attributed to a speaker (``speaker`` is an actor id, or None when unattributed)."""

    id: str
    speaker: str | None
    text: str
    kind: str  # quote | reported
    span: Span
    date: str | None = None
    medium: str | None = None
    rule: str = ""
    confidence: float = 0.5


@dataclass
class Meeting:
    """An event where actors meet; ``start``/``end`` are ISO dates or YYYY-MM."""

    id: str
    kind: str
    participants: list[str]
    status: str
    span: Span
    host: str | None = None
    place: str | None = None
    start: str | None = None
    end: str | None = None
    rule: str = ""
    confidence: float = 0.5


@dataclass
class Claim:
    """What a prediction claims or an outcome reports: subject actor ids, an outcome kind
    (``ontology/outcomes.ttl``), an object actor or a value (``value_high`` for a range) with unit and
    comparison, polarity; ``theme`` is the head noun of what it is about ("rates", "launch"); ``span`` the words
    it was read from."""

    predicate: str
    span: Span
    subjects: list[str] = field(default_factory=list)
    object: str | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    comparison: str | None = None  # eq | ge | le | gt | lt | between
    polarity: str = "positive"
    theme: str | None = None


@dataclass
class Outcome:
    """A reported outcome: what a source says happened (``date``: ISO date or YYYY-MM it happened)."""

    id: str
    claim: Claim
    span: Span
    date: str | None = None
    rule: str = ""
    confidence: float = 0.5


@dataclass
class Prediction:
    """A forward-looking claim; ``predictor`` is an actor id or ``"author"``."""

    id: str
    predictor: str
    text: str
    span: Span
    hedge: str | None = None
    probability: float | None = None
    probability_interval: tuple[float, float] | None = None
    deadline: str | None = None
    polarity: str = "positive"
    event: str | None = None  # meeting id
    statement: str | None = None  # id of the statement the prediction sits in, if any
    made: str | None = None  # ISO date the prediction was made; default: article published date
    claim: Claim | None = None  # the proposition it claims (kg.extract.claims)
    rule: str = ""
    confidence: float = 0.5


@dataclass
class Records:
    """Everything extracted from one article."""

    article: ArticleRecord
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    predictions: list[Prediction] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    extractor: str = "kg"
    format_version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (plain dicts and lists)."""
        d = asdict(self)
        for p in d["predictions"]:
            if p["probability_interval"] is not None:
                p["probability_interval"] = list(p["probability_interval"])
        return d

    @classmethod
    def from_dict(cls, data: Any) -> Records:
        """Build and check records from their JSON form; raise :class:`RecordsError` naming the fault."""
        if not isinstance(data, dict):
            raise RecordsError("records JSON must be an object with an 'article' key")
        if "article" not in data or not isinstance(data["article"], dict):
            raise RecordsError("records JSON has no 'article' object")
        _check_types(cls, {k: v for k, v in data.items() if k in ("extractor", "format_version")}, "document")
        article = _build(ArticleRecord, data["article"], "article")
        records = cls(
            article=article,
            actors=[_actor(a, f"actors[{i}]") for i, a in enumerate(_list(data, "actors"))],
            statements=[_build(Statement, s, f"statements[{i}]") for i, s in enumerate(_list(data, "statements"))],
            meetings=[_build(Meeting, m, f"meetings[{i}]") for i, m in enumerate(_list(data, "meetings"))],
            predictions=[
                _build(Prediction, p, f"predictions[{i}]") for i, p in enumerate(_list(data, "predictions"))
            ],
            outcomes=[_build(Outcome, o, f"outcomes[{i}]") for i, o in enumerate(_list(data, "outcomes"))],
            extractor=str(data.get("extractor", "json")),
        )
        check(records)
        return records

    def actor(self, actor_id: str) -> Actor | None:
        """The actor record with this id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordsError(f"records JSON: '{key}' must be a list")
    return value


def _span(value: Any, where: str) -> Span:
    if isinstance(value, Span):
        return value
    if not isinstance(value, dict):
        raise RecordsError(f"records JSON: {where} must be an object with start, end, text")
    span: Span = _build(Span, value, where)
    return span


def _actor(value: Any, where: str) -> Actor:
    actor = _build(Actor, value, where)
    actor.mentions = [_span(m, f"{where}.mentions[{i}]") for i, m in enumerate(actor.mentions)]
    return actor


def _build(cls: Any, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise RecordsError(f"records JSON: {where} must be an object")
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(value) - names)
    if unknown:
        raise RecordsError(f"records JSON: {where} has unknown field(s) {', '.join(unknown)}")
    _check_types(cls, value, where)
    kwargs = dict(value)
    if "span" in kwargs:
        kwargs["span"] = _span(kwargs["span"], f"{where}.span")
    if isinstance(kwargs.get("claim"), dict):
        kwargs["claim"] = _build(Claim, kwargs["claim"], f"{where}.claim")
    if kwargs.get("probability_interval") is not None:
        pi = kwargs["probability_interval"]
        if not (isinstance(pi, list | tuple) and len(pi) == 2):
            raise RecordsError(f"records JSON: {where}.probability_interval must be [low, high]")
        kwargs["probability_interval"] = (float(pi[0]), float(pi[1]))
    try:
        return cls(**kwargs)
    except TypeError as e:
        raise RecordsError(f"records JSON: {where} is incomplete ({e})") from None


def _check_types(cls: Any, value: dict[str, Any], where: str) -> None:
    """Every field of ``value`` has the JSON type its dataclass annotation says (``"0.5"`` is no float).

    >>> _check_types(Span, {"start": 0, "end": "2", "text": "ab"}, "x.span")
    Traceback (most recent call last):
    kg.errors.RecordsError: records JSON: x.span.end must be an integer, not "2"
    """
    hints = typing.get_type_hints(cls)
    for name, item in value.items():
        expected = hints.get(name, Any)
        if not _conforms(item, expected):
            shown = _shown(item)
            raise RecordsError(f"records JSON: {where}.{name} must be {_described(expected)}, not {shown}")


def _conforms(value: Any, tp: Any) -> bool:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if tp is type(None):
        return value is None
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if tp is str:
        return isinstance(value, str)
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if origin is tuple:
        return isinstance(value, list | tuple) and len(value) == len(args) and all(map(_conforms, value, args))
    if origin is dict:
        return isinstance(value, dict)
    if origin is typing.Literal:
        return value in args
    if is_dataclass(tp):
        return isinstance(value, dict | tp)
    return True


def _described(tp: Any) -> str:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_described(a) for a in args)
    if origin is list:
        return f"a list of {_described(args[0]).removeprefix('a ').removeprefix('an ')}s"
    if origin is tuple:
        return f"a list of {len(args)} numbers"
    names = {str: "a text", int: "an integer", float: "a finite number", bool: "true or false", type(None): "null"}
    return names.get(tp, "an object")


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value[:40]}"' if len(value) <= 40 else f'"{value[:40]}…"'
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    if isinstance(value, float) and not math.isfinite(value):
        return "an infinite or NaN number"
    text = repr(value) if not isinstance(value, bool | type(None)) else str(value).lower().replace("none", "null")
    return text[:40]


def _check_date(value: str | None, where: str, *, month_ok: bool = False) -> None:
    if value is None:
        return
    if month_ok and _MONTH.match(value):
        return
    if not _DATE.match(value):
        raise RecordsError(f"records JSON: {where} '{value}' is not an ISO date (YYYY-MM-DD)")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise RecordsError(f"records JSON: {where} '{value}' is not a real date") from None


def check(records: Records) -> None:
    """Check ids, references, controlled values, dates and offsets; raise :class:`RecordsError`."""
    text = records.article.text
    _check_date(records.article.published, "article.published")
    if records.article.retrieved is not None:
        try:
            dt.datetime.fromisoformat(records.article.retrieved)
        except ValueError:
            raise RecordsError(
                f"records JSON: article.retrieved '{records.article.retrieved}' is not an ISO date-time"
            ) from None
    actor_ids = {a.id for a in records.actors}
    if len(actor_ids) != len(records.actors):
        raise RecordsError("records JSON: actor ids are not unique")
    for a in records.actors:
        if a.type not in ACTOR_TYPES:
            raise RecordsError(f"records JSON: actor {a.id} has type '{a.type}', not one of {ACTOR_TYPES}")
        for mention in a.mentions:
            _check_span(mention, text, f"actor {a.id} mention")
    ids: set[str] = set(actor_ids)
    for group in (records.actors, records.statements, records.meetings, records.predictions):
        for rec in group:
            if not 0.0 <= rec.confidence <= 1.0:
                raise RecordsError(f"records JSON: {rec.id} confidence {rec.confidence} is outside [0, 1]")
            if group is records.actors:
                continue
            if rec.id in ids:
                raise RecordsError(f"records JSON: id '{rec.id}' is used twice")
            ids.add(rec.id)
    for s in records.statements:
        if s.speaker is not None and s.speaker not in actor_ids:
            raise RecordsError(f"records JSON: statement {s.id} names unknown speaker '{s.speaker}'")
        if s.kind not in STATEMENT_KINDS:
            raise RecordsError(f"records JSON: statement {s.id} kind '{s.kind}' is not one of {STATEMENT_KINDS}")
        _check_date(s.date, f"statement {s.id} date")
        _check_span(s.span, text, f"statement {s.id}")
    meeting_ids = {m.id for m in records.meetings}
    for m in records.meetings:
        if m.kind not in MEETING_KINDS:
            raise RecordsError(f"records JSON: meeting {m.id} kind '{m.kind}' is not one of {MEETING_KINDS}")
        if m.status not in MEETING_STATUSES:
            raise RecordsError(
                f"records JSON: meeting {m.id} status '{m.status}' is not one of {MEETING_STATUSES}"
            )
        for who in [*m.participants, *([m.host] if m.host else [])]:
            if who not in actor_ids:
                raise RecordsError(f"records JSON: meeting {m.id} names unknown actor '{who}'")
        _check_date(m.start, f"meeting {m.id} start", month_ok=True)
        _check_date(m.end, f"meeting {m.id} end", month_ok=True)
        _check_span(m.span, text, f"meeting {m.id}")
    statement_ids = {s.id for s in records.statements}
    for p in records.predictions:
        if p.predictor != "author" and p.predictor not in actor_ids:
            raise RecordsError(f"records JSON: prediction {p.id} names unknown predictor '{p.predictor}'")
        if p.event is not None and p.event not in meeting_ids:
            raise RecordsError(f"records JSON: prediction {p.id} names unknown event '{p.event}'")
        if p.statement is not None and p.statement not in statement_ids:
            raise RecordsError(f"records JSON: prediction {p.id} names unknown statement '{p.statement}'")
        if p.polarity not in POLARITIES:
            raise RecordsError(f"records JSON: prediction {p.id} polarity '{p.polarity}' is not one of {POLARITIES}")
        if p.probability is not None and not 0.0 <= p.probability <= 1.0:
            raise RecordsError(f"records JSON: prediction {p.id} probability {p.probability} is outside [0, 1]")
        low, high = p.probability_interval or (0.0, 1.0)
        if not 0.0 <= low <= (p.probability if p.probability is not None else low) <= high <= 1.0:
            raise RecordsError(f"records JSON: prediction {p.id} probability_interval [{low}, {high}] is not "
                               "an interval of [0, 1] holding the probability")
        _check_date(p.deadline, f"prediction {p.id} deadline")
        _check_date(p.made, f"prediction {p.id} made")
        _check_span(p.span, text, f"prediction {p.id}")
        if p.claim is not None:
            _check_claim(p.claim, actor_ids, text, f"prediction {p.id} claim")
    for o in records.outcomes:
        if o.id in ids:
            raise RecordsError(f"records JSON: id '{o.id}' is used twice")
        ids.add(o.id)
        _check_claim(o.claim, actor_ids, text, f"outcome {o.id} claim")
        _check_date(o.date, f"outcome {o.id} date", month_ok=True)
        _check_span(o.span, text, f"outcome {o.id}")


def _check_claim(c: Claim, actor_ids: set[str], text: str, where: str) -> None:
    if c.predicate not in OUTCOME_KINDS:
        raise RecordsError(f"records JSON: {where} predicate '{c.predicate}' is not an outcome kind")
    for who in [*c.subjects, *([c.object] if c.object else [])]:
        if who not in actor_ids:
            raise RecordsError(f"records JSON: {where} names unknown actor '{who}'")
    if c.comparison is not None and c.comparison not in COMPARISONS:
        raise RecordsError(f"records JSON: {where} comparison '{c.comparison}' is not one of {COMPARISONS}")
    if c.polarity not in POLARITIES:
        raise RecordsError(f"records JSON: {where} polarity '{c.polarity}' is not one of {POLARITIES}")
    _check_span(c.span, text, where)


def _check_span(span: Span, text: str, where: str) -> None:
    if not 0 <= span.start <= span.end <= len(text):
        raise RecordsError(f"records JSON: {where} span {span.start}-{span.end} is outside the article text")
    if text[span.start : span.end] != span.text:
        raise RecordsError(f"records JSON: {where} span text does not match the article text at {span.start}")
