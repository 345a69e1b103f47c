"""Statements: direct quotes and reported speech, with speaker, date and medium.

Rules (the ``rule`` field names the one that fired):

- ``quote.after-said``     “…,” Jane Doe said / “…,” said Jane Doe / “…,” she tweeted on the 24th;
                           ``quote.after-said.sentence`` when the quotation completes the author's sentence
                           ("The bank judged that its goal “is in sight,” Roe said."): the whole sentence.
- ``quote.before-said``    Jane Doe said: “…” / Jane Doe told reporters, “…”
- ``quote.according-to``   a quote in a sentence attributed "according to X".
- ``quote.after-intro``    an unattributed quote opening its sentence right after a sentence whose person
                           subject speaks or is asked ("Roe was asked about the loss. ¶ “We were unlucky …”").
- ``quote.continuation``   an unattributed quote right after an attributed one in the same paragraph (or
                           the next one, chained over a quotation running several paragraphs): same speaker,
                           date and medium; also a quote left open at the end of its paragraph, attributed by
                           the quote that continues the next paragraph.
- ``quote.calls-for``      X's (repeated) calls / demands / pledges for “…”: a quoted fragment.
- ``quote.fragment.source`` a quoted fragment in a sentence without attribution right after a sentence that
                           names a speaking organisation (state media, an agency, a statement): that
                           organisation; the statement is the clause holding the fragment.
- ``quote.called``         X called the deal “shameful” / described it as “…”: a quoted fragment of X.
- ``quote.transcript``     transcripts and source blocks (:mod:`.interviews`, :mod:`.blocks`): "Okafor: …",
                           "A: …", turns continued by unlabelled paragraphs (``quote.transcript.turn``),
                           paragraphs after "This via X:" (``quote.block``), and the sentences of an article
                           titled as an organisation's statement (``quote.issued-statement``).
- ``reported.*``           reported speech (:mod:`.reported`).

A quotation of several sentences becomes one statement per sentence (questions and courtesy formulas left
out). Speakers named by a pronoun or descriptor are resolved by :mod:`.coreference`; the statement's
confidence is then scaled by how sure that resolution is.

Kinds: ``quote`` for a full quoted utterance, ``reported`` for paraphrase and for quoted fragments embedded
in the author's sentence. Short quoted phrases without a speaker (scare quotes, "so-called ‘…’") and single
-quoted phrases are not statements (a straight single-quoted utterance, 'Like this,' she said, is a quote).
Pronoun speakers ("he said") resolve to the person subject of the sentence or of the nearest sentence before,
skipping names inside quotations and people whose known given name does not fit the pronoun; a coordinated
verb ("… and said …") keeps the subject of the first verb. The agency of a wire dateline ("LONDON (Reuters) -")
never speaks. A statement without a date of its own takes the day told just before it when it was made "hours
later", else the last past date told of its speaker as subject before it, else the publication date
(fragments stay undated).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from kg.extract import sentences
from kg.extract.coreference import DESCRIPTOR, PRONOUN, Coreference, resolve_pronoun
from kg.extract.document import Document
from kg.extract.interviews import issued_statement, source_blocks, transcript
from kg.extract.lexicon import SPEECH_VERBS, alternation, load, medium_of
from kg.extract.quotes import Quote
from kg.extract.quotes import trim as _trim
from kg.extract.quotes import word_count as _words
from kg.extract.reported import according, reported, trailing
from kg.extract.rules import OTHER_RULES, RULES
from kg.records import Span, Statement

_VERB_AT_START = re.compile(rf"^[\s,]*(?:(?:also|later|then|had|has|have)\s+)?(?:{SPEECH_VERBS})\b")
_ATTR_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_CALLS = re.compile(
    r"['’]s?\s+(?:\w+\s+){0,2}?(?:calls?|demands?|pledges?|promises?|warnings?|insistence|vows?|claims?|"
    r"statements?|remarks|comments|words|description|assurances?|threats?)\s+(?:for|that|of|on|to)?\s*"
    r"(?:the\s+|a\s+|an\s+)?$"
)
_SOURCE_CUE = re.compile(
    r"\b(?:propaganda|statements?|state media|media|news agency|agency|newspaper|commentary|editorial|"
    r"spokes(?:person|man|woman)|mouthpiece|communiqu[eé]|broadcaster|announcement)\b",
    re.I,
)
_APPOSITION_GAP = re.compile(
    r"^\s*,\s+(?:a|an|the|who|which|its|his|her|their|[a-z][\w-]*)\b[^;:“”\"]*,\s*$"
    r"|^\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|the|&)){0,7}\s*$"
)
_CALLED = re.compile(r"\b(?:called|calls|described|describes|branded|brands|labell?ed|dubbed|termed)\s+(?!for\b|on\b)")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|to|across|into|near|visiting|visited)\s+(?:the\s+)?$")
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being)\s*$")
_LATER = re.compile(r"\b(?:hours|minutes|moments|shortly|soon)\s+(?:later|afterwards)\b|\blater\s+that\s+day\b")


class Finder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.coref = Coreference(doc)
        self.out: list[Statement] = []
        self.speaker_end = -1  # where the speaker expression last chosen by speaker_near ends
        self.speaker_how = 1.0  # how sure the speaker last chosen by speaker_near is (1.0: named)

    def speaker_near(self, start: int, end: int, verb: int, *, side: str) -> str | None:
        """The speaker in ``[start, end)`` nearest to the verb at *verb*, on *side* of it: a name, or a pronoun
        or descriptor resolved by :mod:`.coreference` (which sets :attr:`speaker_how`)."""
        idx = self.doc.actors
        cands = [m for m in idx.within(start, end) if (m.end <= verb if side == "left" else m.start >= verb)]
        people = [m for m in cands if m.kind != "demonym"]
        pron = [
            p
            for p in PRONOUN.finditer(self.text, start, end)
            if (p.end() <= verb if side == "left" else p.start() >= verb)
        ]
        desc = [
            d
            for d in DESCRIPTOR.finditer(self.text, start, end)
            if (d.end() <= verb if side == "left" else d.start() >= verb)
        ]
        best: tuple[int, str, float] | None = None
        ends: dict[int, int] = {}
        for m in people:
            dist = verb - m.end if side == "left" else m.start - verb
            entry = idx.entries[m.key]
            if self.doc.datelines and self.doc.in_dateline(m.start):
                continue  # "LONDON (Reuters) - …": the agency files the story, it does not speak
            if entry.type == "Country" and _LOCATIVE_BEFORE.search(self.text, max(start, m.start - 16), m.start):
                continue  # "asked that question in Georgia, said": a place
            if side == "left" and entry.type != "Country" and _APPOSITION_GAP.match(self.text[m.end : verb]):
                dist = -1  # "Jane Doe, an analyst at Acme Bank, said": the head of the apposition
            if m.possessive:
                dist += 40
            if entry.type == "Country" and not m.actor_position:
                continue
            if best is None or dist < best[0]:
                best = (dist, idx.ids[m.key], 1.0)
                ends[dist] = m.end
        for p in pron:
            dist = verb - p.end() if side == "left" else p.start() - verb
            if best is None or dist < best[0]:
                ante = self.coref.pronoun(p.start())
                if ante:
                    best = (dist, ante.actor, ante.confidence)
                    ends[dist] = p.end()
        for d in desc:
            dist = verb - d.end() if side == "left" else d.start() - verb
            if best is None or dist < best[0]:
                ante = self.coref.descriptor(d)
                if ante:
                    best = (dist, ante.actor, ante.confidence)
                    ends[dist] = d.end()
        self.speaker_end = ends.get(best[0], -1) if best else -1
        self.speaker_how = best[2] if best else 1.0
        return best[1] if best else None

    def resolve_pronoun(self, pos: int) -> str | None:
        """A he/she: see :meth:`kg.extract.coreference.Coreference.pronoun`."""
        ante = self.coref.pronoun(pos)
        return ante.actor if ante else None

    def subject(self, start: int, end: int, gender: str | None = None) -> str | None:
        """The person subject of ``[start, end)``: see :meth:`kg.extract.coreference.Coreference.subject`."""
        return self.coref.subject(start, end, gender)

    def when(self, start: int, end: int) -> str | None:
        if self.doc.published is None:
            return None
        found = self.doc.times(start, end, future=False)
        days = [e for e in found if e.precision == "day"]
        return days[0].first.isoformat() if days else None

    def add(
        self,
        speaker: str | None,
        start: int,
        end: int,
        kind: str,
        rule: str,
        conf: float,
        date: str | None = None,
        medium: str | None = None,
    ) -> Statement | None:
        if rule not in RULES and rule not in OTHER_RULES:
            raise ValueError(f"statement rule {rule!r} is not in kg.extract.rules")
        start, end = _trim(self.text, start, end)
        if end <= start:
            return None
        if speaker is not None and self.speaker_how < 1.0:
            conf = round(conf * self.speaker_how, 2)  # a pronoun or descriptor resolved: less sure than a name
        self.speaker_how = 1.0
        st = Statement(
            id="",
            speaker=speaker,
            text=self.text[start:end],
            kind=kind,
            span=Span(start, end, self.text[start:end]),
            date=date,
            medium=medium,
            rule=rule,
            confidence=conf,
        )
        self.out.append(st)
        return st


def find_statements(doc: Document) -> list[Statement]:
    """Every statement of the article, in text order with ids s1, s2, …"""
    f = Finder(doc)
    text = doc.text
    quotes = list(doc.quotes)
    last_attributed: Statement | None = None
    pending: list[Quote] = []  # unclosed quotes waiting for the attribution of the next paragraph's quote
    for q in quotes:
        s, e = q.inner
        n = _words(text[s:e])
        ss, se = doc.sentence_at(q.open)
        _, close_end = doc.sentence_at(q.close)
        utterance = e > s and (text[e - 1] in ",.!?" or q.open == ss)
        if n <= 4 and not utterance:
            _fragment(f, q, ss, se)
            continue
        st = _attributed(f, q, ss, close_end)
        if st is not None:
            for p in pending:  # a quote running over paragraphs: its attribution comes at the end
                if _adjacent_paragraph(doc, p.open, q.open) or doc.same_paragraph(p.open, q.open):
                    f.add(st.speaker, *p.inner, "quote", "quote.continuation", 0.8, st.date, st.medium)
            pending = []
            last_attributed = st
        elif (intro := _intro_speaker(f, q, last_attributed)) is not None:
            st = f.add(intro, s, e, "quote", "quote.after-intro", 0.75, None, _scene_medium(f, q.open, intro))
            last_attributed = st or last_attributed
        elif last_attributed is not None and (
            doc.same_paragraph(last_attributed.span.start, q.open)
            or _adjacent_paragraph(doc, last_attributed.span.start, q.open)
        ):
            cont = f.add(
                last_attributed.speaker,
                s,
                e,
                "quote",
                "quote.continuation",
                0.8,
                last_attributed.date,
                last_attributed.medium,
            )
            if cont is not None and not doc.same_paragraph(last_attributed.span.start, q.open):
                last_attributed = cont  # a quotation running over several paragraphs: the chain goes on
        elif not q.closed and q.open == doc.paragraph_at(q.open)[0]:
            pending = [p for p in pending if _adjacent_paragraph(doc, p.open, q.open)] + [q]
        elif n <= 4:
            _fragment(f, q, ss, se)
    transcript(f)
    source_blocks(f)
    quoted = _overlapping([(q.open, q.close) for q in quotes])
    owned = _overlapping([(st.span.start, st.span.end) for st in f.out if st.kind == "quote"])
    for ss, se in doc.sentences:
        if owned(ss, se):
            continue  # a sentence with a direct quote: the quote rules own its attribution
        near = quoted(ss, se)  # the only quotations the sentence rules can be inside of or next to
        if not trailing(f, ss, se, near) and not reported(f, ss, se, near):
            according(f, ss, se)
    issued_statement(f)
    f.out = _by_sentence(f)
    f.out.sort(key=lambda st: st.span.start)
    _default_dates(f)
    for i, st in enumerate(f.out, 1):
        st.id = f"s{i}"
    return f.out


#: a courtesy formula opening a sentence ("Thank you so much.")
_COURTESY = re.compile(rf"(?i:{alternation(load('courtesies'))})\b")
#: a sentence that introduces the quotation after it: a speech verb, a question put to the speaker, a colon
_INTRO_CUE = re.compile(rf"\b(?:{SPEECH_VERBS}|was\s+asked|were\s+asked|asked)\b|:\s*$")


def _intro_speaker(f: Finder, q: Quote, last: Statement | None) -> str | None:
    """The speaker of an unattributed quotation introduced by the sentence right before it ("Roe said they
    were proud. “We played well …”", "Roe was asked about the exit. ¶ “Of course …”"): the person subject
    of that sentence, when it comes after the last attributed quotation."""
    doc = f.doc
    i = doc.sentence_index(q.open)
    ss, _ = doc.sentences[i]
    if f.text[ss : q.open].strip() or i == 0:
        return None  # the quotation does not open its sentence
    ps, pe = doc.sentences[i - 1]
    if last is not None and last.span.end > ps:
        return None
    if not (doc.same_paragraph(ps, q.open) or doc.paragraph_at(ps)[1] == pe and doc.text[ss] in "“\"'"):
        return None
    if any(a <= ps < b for a, b in doc.quoted) or not _INTRO_CUE.search(f.text, ps, pe):
        return None
    return f.subject(ps, pe)


def _claims_nothing(sentence: str) -> bool:
    """True for a question, a courtesy formula or a sentence of fewer than three words.

    >>> _claims_nothing("Thank you so much."), _claims_nothing("Shall we start?"), _claims_nothing("Prices will rise.")
    (True, True, False)
    """
    return _words(sentence) < 3 or sentence.rstrip("”\"' ").endswith("?") or _COURTESY.match(sentence) is not None


def _by_sentence(f: Finder) -> list[Statement]:
    """Quotations of several sentences split into one statement per sentence: each sentence is a claim of its
    own (checked, contradicted or confirmed on its own), with the speaker, date and medium of the quotation.
    Questions and short formulas ("Thank you so much.") among them claim nothing and are left out."""
    out: list[Statement] = []
    for st in f.out:
        whole = sentences.split(f.text, st.span.start, st.span.end) if st.kind == "quote" else []
        if len(whole) < 2:
            if not (st.rule.startswith(("quote.transcript", "quote.block")) and _claims_nothing(st.text)):
                out.append(st)
            continue
        for s, e in whole:
            s, e = _trim(f.text, s, e)
            if _claims_nothing(f.text[s:e]):
                continue
            out.append(replace(st, text=f.text[s:e], span=Span(s, e, f.text[s:e])))
    return out


def _adjacent_paragraph(doc: Document, a: int, b: int) -> bool:
    pa, pb = doc.paragraph_at(a), doc.paragraph_at(b)
    i = doc.paragraphs.index(pa)
    return i + 1 < len(doc.paragraphs) and doc.paragraphs[i + 1] == pb and doc.text[pb[0]] in '“"'


def _attributed(f: Finder, q: Quote, ss: int, se: int) -> Statement | None:
    text, doc = f.text, f.doc
    s, e = q.inner
    after_start = min(q.close + 1, len(text))
    after_end = se
    nxt = text.find("“", after_start, after_end)
    if nxt != -1:
        after_end = nxt
    verb = _VERB_AT_START.match(text[after_start:after_end][:80])
    if not verb:
        # the speaker first: “…,” Trump tweeted / “…,” Jane Doe, the minister, said
        m = _ATTR_VERB.search(text, after_start, min(after_end, after_start + 80))
        verb = m if m and not text[after_start : m.start()].strip(" ,\u00a0").count(".") else None
        vpos = m.start() if verb and m else -1
    else:
        vpos = after_start + verb.end() - len(verb.group().split()[-1])
    if verb is not None and vpos >= 0:
        left = f.speaker_near(after_start, vpos, vpos, side="left")
        speaker = left or f.speaker_near(vpos, after_end, vpos, side="right")
        if speaker:
            window = text[after_start:after_end]
            medium = medium_of(window) or _scene_medium(f, q.open, speaker)
            when = f.when(after_start, after_end)
            lead = _completed_sentence(f, q, ss)
            if lead is not None:  # "The bank judged that its goal “is now within reach,” Roe said."
                return f.add(speaker, lead, e, "reported", "quote.after-said.sentence", 0.85, when, medium)
            return f.add(speaker, s, e, "quote", "quote.after-said", 0.9, when, medium)
    before = text[ss : q.open]
    m = _last(_ATTR_VERB.finditer(before))
    if m is not None and len(before) - m.end() < 40:
        vpos = ss + m.start()
        speaker = f.speaker_near(ss, vpos, vpos, side="left") or f.speaker_near(vpos, q.open, vpos, side="right")
        if speaker:
            return f.add(speaker, s, e, "quote", "quote.before-said", 0.85, f.when(ss, q.open), medium_of(before))
    acc = _ACCORDING.search(text, ss, se)
    if acc:
        speaker = f.speaker_near(acc.end(), min(se, acc.end() + 80), acc.end(), side="right")
        if speaker:
            return f.add(speaker, s, e, "quote", "quote.according-to", 0.75, f.when(ss, se), medium_of(before))
    del doc
    return None


def _completed_sentence(f: Finder, q: Quote, ss: int) -> int | None:
    """Where the author's words that a quotation completes begin ("The bank judged that its target “has come
    into sight,” Roe said."): the sentence start, when three words or more stand before the quotation and no
    other quotation does; else None."""
    before = f.text[ss : q.open]
    if _words(before) < 3 or any(c in before for c in '“”"'):
        return None
    return ss


def _scene_medium(f: Finder, pos: int, speaker: str) -> str | None:
    """The medium set by the sentence before a quote when it tells of the same speaker ("Roe spoke at a news
    conference on Monday. “…,” she said.")."""
    doc = f.doc
    i = doc.sentence_index(pos)
    if i == 0 or doc.sentences[i][0] < pos and f.text[doc.sentences[i][0] : pos].strip():
        return None  # the quote does not open its sentence
    ps, pe = doc.sentences[i - 1]
    if not doc.same_paragraph(ps, pos) or f.subject(ps, pe) != speaker:
        return None
    return medium_of(f.text[ps:pe])


def _fragment(f: Finder, q: Quote, ss: int, se: int) -> None:
    """A short quoted phrase: a statement only with an attributing noun or a speaking source nearby."""
    text, doc = f.text, f.doc
    if not q.double or re.search(r"so-called\s*$", text[max(ss, q.open - 12) : q.open]):
        return
    s, e = q.inner
    calls = _CALLS.search(text, max(ss, q.open - 60), q.open)
    if calls:
        who = [m for m in doc.actors.within(max(ss, calls.start() - 60), calls.start() + 1) if m.end == calls.start()]
        if who:
            f.add(doc.actors.ids[who[-1].key], s, e, "reported", "quote.calls-for", 0.8)
            return
    called = _last(_CALLED.finditer(text, ss, q.open))
    if called is not None and q.open - called.end() < 40:
        caller = f.speaker_near(ss, called.start(), called.start(), side="left")
        if caller:
            f.add(caller, s, e, "reported", "quote.called", 0.7, f.when(ss, se), medium_of(text[ss:se]))
            return
    if _ATTR_VERB.search(text, ss, se):
        return  # the sentence has its own speech verb: reported speech handles it
    i = doc.sentence_index(q.open)
    if i == 0:
        return
    ps, pe = doc.sentences[i - 1]
    if not doc.same_paragraph(ps, q.open) or not _SOURCE_CUE.search(text, ps, pe):
        return
    orgs = [m for m in doc.actors.within(ps, se) if doc.actors.entries[m.key].type == "Organization"]
    if not orgs:
        return
    colon = text.rfind(":", ss, q.open)
    start = colon + 1 if colon != -1 else ss
    end = se - 1 if text[se - 1] in ".!" else se
    f.add(doc.actors.ids[orgs[-1].key], start, end, "reported", "quote.fragment.source", 0.5)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of *matches*, or None."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _overlapping(spans: list[tuple[int, int]]) -> Callable[[int, int], list[tuple[int, int]]]:
    """A function giving the *spans* that overlap ``[start, end)`` (in order of their starts), found by
    bisection rather than a scan of all spans per sentence.

    >>> _overlapping([(0, 50), (10, 12), (60, 70)])(11, 61)
    [(0, 50), (10, 12), (60, 70)]
    >>> _overlapping([(0, 50), (10, 12), (60, 70)])(50, 60)
    []
    """
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end among the spans up to each one
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)

    def overlapping(start: int, end: int) -> list[tuple[int, int]]:
        lo, hi = bisect.bisect_right(reach, start), bisect.bisect_left(starts, end)
        return [(s, e) for s, e in spans[lo:hi] if e > start]

    return overlapping


def _default_dates(f: Finder) -> None:
    """Undated statements: the last past date told about the speaker before it, else the publication date."""
    doc = f.doc
    if doc.published is None:
        return
    subjects: dict[tuple[int, int], str | None] = {}  # the subject of each sentence, read once (not per statement)
    mentioned: dict[tuple[int, int], set[str]] = {}  # the actors named in each sentence: a subject is one of them
    for m in doc.actors.mentions:
        ss, se = doc.sentence_at(m.start)
        if ss <= m.start < se and m.end <= se:  # as ``doc.actors.within(ss, se)`` has it
            mentioned.setdefault((ss, se), set()).add(doc.actors.ids[m.key])
    for st in f.out:
        if st.date is not None or st.rule in ("quote.calls-for", "quote.fragment.source"):
            continue
        st.date = doc.published.isoformat()
        i = doc.sentence_index(st.span.start)
        if _LATER.search(f.text, *doc.sentences[i]):  # "said hours later": the day told just before
            days = [
                e
                for ss, se in doc.sentences[max(0, i - 3) : i]
                for e in doc.times(ss, se, future=False)
                if e.precision == "day" and e.first <= doc.published
            ]
            if days:
                st.date = days[-1].first.isoformat()
                continue
        if st.speaker is None:
            continue
        for ss, se in reversed(doc.sentences[: doc.sentence_index(st.span.start)]):
            if st.speaker not in mentioned.get((ss, se), ()):
                continue  # the speaker is not named there: not its subject
            if (ss, se) not in subjects:
                subjects[ss, se] = f.subject(ss, se)
            if subjects[ss, se] != st.speaker:
                continue
            days = [e for e in doc.times(ss, se, future=False) if e.precision == "day" and e.first <= doc.published]
            if days:
                st.date = days[-1].first.isoformat()
                break


def speaker_at(doc: Document, start: int, verb: int) -> str | None:
    """The actor speaking or estimating at the verb at *verb*: the nearest mention or pronoun before it."""
    return Finder(doc).speaker_near(start, verb, verb, side="left")


__all__ = ["find_statements", "speaker_at", "resolve_pronoun"]
