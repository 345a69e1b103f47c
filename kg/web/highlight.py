"""Highlighting spans of an untrusted text as HTML: overlapping spans split the text into flat segments.

Every character offset where a span starts or ends cuts the text; each piece (a :class:`Segment`) knows every span
that covers it, so nested and crossing spans never produce crossing tags. Markup is built only from escaped
pieces (``markupsafe.escape``), never by inserting tags into the raw text.

>>> spans = [Mark(0, 9, "statement", "c1", "said by A"), Mark(4, 14, "prediction", "c2", "p=0.7")]
>>> [(s.text, [m.ref for m in s.marks]) for s in segments("One <b>two</b>", spans)]
[('One ', ['c1']), ('<b>tw', ['c2', 'c1']), ('o</b>', ['c2'])]
>>> str(render(segments("a<b", [Mark(1, 2, "meeting", "c1", 'x"y')])))
'a<a class="hl hl-meeting" href="#c1" data-claims="c1" title="x&#34;y">&lt;</a>b'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

KINDS = ("statement", "meeting", "prediction")
"""The kinds of claim the article page highlights, in the order their colours stack (later wins)."""


@dataclass(frozen=True)
class Mark:
    """One span to highlight: ``[start, end)`` in the text, its kind, the page anchor it links to, a tooltip."""

    start: int
    end: int
    kind: str
    ref: str
    title: str = ""


@dataclass(frozen=True)
class Segment:
    """A piece of the text and the marks covering all of it (outermost first)."""

    text: str
    marks: tuple[Mark, ...] = ()


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """Cut *text* at every mark boundary; marks outside the text are clipped, empty ones dropped."""
    size = len(text)
    kept = [m for m in marks if min(m.end, size) > max(m.start, 0)]
    cuts = sorted({0, size} | {max(m.start, 0) for m in kept} | {min(m.end, size) for m in kept})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted(
            (m for m in kept if m.start <= a and m.end >= b), key=lambda m: (-(m.end - m.start), m.start, m.ref)
        )
        out.append(Segment(text[a:b], tuple(covering)))
    return out


def anchor(ref: str) -> str:
    """*ref* (an IRI) as a URL fragment: percent-encoded where a fragment needs it; browsers decode it to match.

    >>> anchor("https://x.org/a/p-1#b c")
    'https://x.org/a/p-1%23b%20c'
    """
    return quote(ref, safe=":/?@!$&'()*+,;=-._~")


def render(pieces: Sequence[Segment]) -> Markup:
    """HTML for the segments: plain pieces escaped, covered pieces as links to their innermost mark's anchor."""
    html = []
    for s in pieces:
        if not s.marks:
            html.append(escape(s.text))
            continue
        kinds = sorted({m.kind for m in s.marks}, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS))
        classes = " ".join(["hl", *(f"hl-{k}" for k in kinds)])
        title = "\n\n".join(m.title for m in s.marks if m.title)
        refs = " ".join(m.ref for m in s.marks)
        html.append(
            Markup('<a class="{}" href="#{}" data-claims="{}" title="{}">{}</a>').format(
                classes, anchor(s.marks[-1].ref), refs, title, s.text
            )
        )
    return Markup("").join(html)


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """The whole *text* as HTML with *marks* highlighted."""
    return render(segments(text, marks))


@dataclass(frozen=True)
class Excerpt:
    """A window of a text around one span, highlighted, with whether text was cut before and after."""

    html: Markup
    cut_before: bool
    cut_after: bool


def excerpt(text: str, start: int, end: int, mark: Mark, *, context: int = 280) -> Excerpt:
    """The span ``[start, end)`` of *text* highlighted with *mark*, with about *context* characters either side.

    The window is narrowed to whole words.

    >>> e = excerpt("Alpha beta gamma delta epsilon", 11, 16, Mark(11, 16, "prediction", "p"), context=6)
    >>> e.cut_before, e.cut_after, str(e.html).split("<a")[0]
    (True, True, 'beta ')
    """
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    while 0 < lo < start and not text[lo - 1].isspace():
        lo += 1
    while end < hi < len(text) and not text[hi].isspace():
        hi -= 1
    shifted = Mark(start - lo, end - lo, mark.kind, mark.ref, mark.title)
    return Excerpt(highlight(text[lo:hi], [shifted]), lo > 0, hi < len(text))
