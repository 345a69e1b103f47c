"""Finding the content paragraphs of a scraped article, by general rules about what boilerplate looks like.

A paragraph is a run of non-blank lines. It is boilerplate when it

- repeats the title (or is the first line and looks like a headline),
- starts like a caption, credit or call to action ("Credit:", "Photo", "Image", "Read more", "Share",
  "Subscribe", "Sign up", "Follow", "Advertisement", "Related"),
- is short and has no sentence punctuation (navigation: "Recent Features", section names, bylines),
- is an author blurb ("Jane Doe is a senior fellow at ...", "The author is ...").

>>> text = "Big News\\n\\nRecent Features\\n\\nCredit: AP Photo\\n\\nThe minister said prices will rise next year."
>>> [text[s:e] for s, e in content_paragraphs(text, title="Big News")]
['The minister said prices will rise next year.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import sentences

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*")
_LINE_LEAD = re.compile(
    r"^(?:credit|photo|image|picture|caption|file photo|read more|read also|see also|related|share|subscribe|"
    r"sign up|follow us|follow|advertisement|sponsored|click here|copyright|©|all rights reserved|"
    r"this article|this story|editor'?s note|tags?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_BLURB = re.compile(
    r"^(?:the author|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}) (?:is|was|has been|serves as) (?:a|an|the)?\s*"
    r"(?:[\w-]+ ){0,8}(?:editor|fellow|correspondent|reporter|writer|columnist|professor|author|analyst|"
    r"journalist|contributor|researcher|director|lecturer|scholar)\b",
)
_WORD = re.compile(r"\w+")


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


_norm_title = lru_cache(maxsize=16)(_norm)  # the title is compared with every paragraph: normalised once


def is_boilerplate(paragraph: str, *, title: str | None = None, first: bool = False) -> bool:
    """True when *paragraph* is navigation, a repeated title, a credit, a call to action or a blurb."""
    p = paragraph.strip()
    if not p:
        return True
    words = len(_WORD.findall(p))
    if title and _norm(p) == _norm_title(title):
        return True
    if _LINE_LEAD.match(p) or _BLURB.match(p):
        return True
    if p[0] in '“"' and words >= 6:
        return False  # a quotation running on into the next paragraph
    if not _SENTENCE_END.search(p) and not first and _prose(p):
        return False  # a sentence left without its full stop, as live blogs print their bullet points
    if first and title and _dek(p):
        return False  # a first line that is not the title and reads as a sentence: the article's lead line
    return not _SENTENCE_END.search(p) and (words < 25 or first)


def _dek(p: str) -> bool:
    """True for a line of eight words or more with a finite verb in lower case ("… is expected on …"): a lead
    sentence printed without its full stop, not a headline in title case (the title itself is caught above)."""
    tokens = _WORD.findall(p)
    return len(tokens) >= 8 and _FINITE.search(p) is not None and sum(t[:1].islower() for t in tokens) >= 3


_FINITE = re.compile(r"\b(?:is|are|was|were|will|has|have|had)\b")


def _prose(p: str) -> bool:
    """True for a line that reads as a sentence: ten words or more, most of them in lower case (menus,
    headlines and bylines are short or capitalised)."""
    tokens = _WORD.findall(p)
    lower = sum(1 for t in tokens if t[:1].islower())
    return len(tokens) >= 10 and lower >= 0.6 * len(tokens) and p.rstrip()[-1:] != ":"


def content_paragraphs(text: str, *, title: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the content paragraphs of *text*, in order, trimmed of outer spaces."""
    return list(_content_paragraphs(text, title))


def content_sentences(text: str, *, title: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of the content paragraphs of *text*, in order."""
    return [span for start, end in _content_paragraphs(text, title) for span in sentences.split(text, start, end)]


@lru_cache(maxsize=8)  # several extraction steps read the paragraphs of the same article
def _content_paragraphs(text: str, title: str | None) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(_PARAGRAPH.finditer(text)):
        para = m.group()
        if is_boilerplate(para, title=title, first=i == 0):
            continue
        lead = len(para) - len(para.lstrip())
        spans.append((m.start() + lead, m.start() + len(para.rstrip())))
    return tuple(spans)
