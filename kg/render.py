"""Human-readable text renderings used by the command line (the library itself returns data)."""

from __future__ import annotations

from kg.records import Records


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def records_text(records: Records) -> str:
    """The records of one article as a short report, one line per record.

    >>> from kg.records import ArticleRecord
    >>> print(records_text(Records(article=ArticleRecord(text="", title="T", published="2020-01-02"))))
    T  (2020-01-02)
    actors (0)
    statements (0)
    meetings (0)
    predictions (0)
    """
    a = records.article
    names = {x.id: x.label for x in records.actors}
    head = " · ".join(x for x in (a.outlet, a.author) if x)
    lines = [f"{a.title or a.url or '(untitled)'}  ({a.published or 'undated'})" + (f"  {head}" if head else "")]
    lines.append(f"actors ({len(records.actors)})")
    for x in records.actors:
        wd = f" wd:{x.wikidata}" if x.wikidata else ""
        lines.append(f"  {x.id:<4} {x.type:<12} {x.label}{wd}  [{len(x.mentions)} mention(s)]")
    lines.append(f"statements ({len(records.statements)})")
    for s in records.statements:
        who = names.get(s.speaker or "", "?")
        extra = ", ".join(v for v in (s.kind, s.date, s.medium) if v)
        lines.append(f"  {s.id:<4} {who}: “{_short(s.text)}” ({extra})")
    lines.append(f"meetings ({len(records.meetings)})")
    for m in records.meetings:
        who = ", ".join(names.get(p, p) for p in m.participants)
        when = "..".join(v for v in (m.start, m.end) if v) or "undated"
        lines.append(f"  {m.id:<4} {m.kind} [{m.status}] {who} @ {m.place or '?'} {when}")
    lines.append(f"predictions ({len(records.predictions)})")
    for p in records.predictions:
        who = "author" if p.predictor == "author" else names.get(p.predictor, p.predictor)
        prob = f"{p.probability:.2f}" if p.probability is not None else "?"
        lines.append(
            f"  {p.id:<4} {who}: “{_short(p.text)}” hedge={p.hedge} p={prob} "
            f"deadline={p.deadline or '-'} {p.polarity}" + (f" event={p.event}" if p.event else "")
        )
    return "\n".join(lines)
