"""Source blocks: paragraphs introduced by a line that names their source and ends in a colon.

Live blogs and transcripts hand over to a source with a line of its own: "This via Acme Research:", "Velora
Bank:", "Jane Roe: (03:26)". The paragraphs after such a line, up to the next one, are that source's words.
A block also ends at a left-out line that is no intro (a time stamp, a menu line) and, outside transcripts,
after six paragraphs.

>>> text = "Markets wait.\\n\\nThis via Acme Research:\\n\\nRates will rise.\\n\\nGrowth slows.\\n\\n12:30 GMT"
>>> text += "\\n\\nMore."
>>> paras = [(0, 13), (40, 56), (58, 71), (84, 89)]
>>> [block] = source_blocks(text, paras)
>>> text[slice(*block.label)], [text[s:e] for s, e in block.paragraphs]
('Acme Research', ['Rates will rise.', 'Growth slows.'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
#: an intro line: "This via X:", "From X:", "X:", "X: (03:26)", "X (via an interpreter):", "More reaction from
#: the party's deputy leader Jane Roe, who lost her seat:"
_INTRO = re.compile(
    r"(?:[^:\n]{0,60}?\b(?:via|from|by)[ \u00a0]+(?:[\w’'-]+[ \u00a0]+){0,6}?)?"
    r"(?P<name>[A-Z][\w’'.&-]*(?:[ \u00a0]+[A-Z][\w’'.&-]*){0,3})"
    r"(?:[ \u00a0]*\([^)\n]{1,40}\))?(?:,[^:\n]{0,80})?[ \u00a0]*:"
    r"(?P<stamp>[ \u00a0]*\(?\d{1,2}:\d{2}(?::\d{2})?\)?)?[ \u00a0]*$"
)
_MAX_PARAGRAPHS = 6


@dataclass(frozen=True)
class Block:
    """An intro naming a source and the content paragraphs it introduces."""

    label: tuple[int, int]
    paragraphs: tuple[tuple[int, int], ...]
    stamped: bool = False


def source_blocks(text: str, paragraphs: list[tuple[int, int]]) -> list[Block]:
    """The source blocks of *text*, whose content paragraphs are *paragraphs* (see module doc)."""
    content = {s: e for s, e in paragraphs}
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    intros = []
    for s, e in lines:
        while s < e and text[s].isspace():
            s += 1
        m = _INTRO.match(text, s, e)
        if m is not None:
            intros.append((s, m))
    transcript = len(intros) >= 2
    out: list[Block] = []
    for i, (s, m) in enumerate(intros):
        stop = intros[i + 1][0] if i + 1 < len(intros) else len(text)
        block: list[tuple[int, int]] = []
        for ls, le in lines:
            while ls < le and text[ls].isspace():
                ls += 1
            if ls <= s or ls >= stop:
                continue
            if ls in content:
                block.append((ls, content[ls]))
            elif not any(ps <= ls < pe for ps, pe in paragraphs):
                break  # a left-out line that is no intro ends the block
            if not transcript and len(block) >= _MAX_PARAGRAPHS:
                break
        if block:
            out.append(Block((m.start("name"), m.end("name")), tuple(block), bool(m.group("stamp"))))
    return out
