"""Time expressions in news text, normalised against the article's publication date.

Each expression becomes a :class:`TimeExpr` with the first and last day it covers and its precision, so
callers pick what they need: a meeting's start (``iso``: ``2018-06-12`` or ``2018-09``), a prediction's
deadline (``last``: the end of the period, "in September" -> 30 September).

Direction: expressions without their own ("last", "next", "ago", an explicit year) are read as past or future
by the *future* hint the caller gives (a statement's date is past, a prediction's deadline future). Without a
hint, month names take the occurrence nearest to the publication date; weekdays and "the 24th" the past one.
"later this week" written on a Sunday is the week ahead. "by year-end" and "later in the year" run to 31
December; seasons are meteorological (spring March-May, summer June-August, autumn or "the fall"
September-November, winter December-February). A weekday before a date ("Thursday 13 June") is part of it.
"in N months" after a superlative or "first" ("the highest level in 10 months") looks back and is no date.

>>> pub = dt.date(2018, 8, 27)
>>> [(e.text, e.iso, str(e.last)) for e in find("Trump said on Friday he would go in September.", pub)]
[('on Friday', '2018-08-24', '2018-08-24'), ('in September', '2018-09', '2018-09-30')]
>>> resolve("by the end of 2019", pub).last
datetime.date(2019, 12, 31)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kg.extract.lexicon import words

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "few": 3,
    "several": 3,
    "couple of": 2,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
#: a month before a day number may also be abbreviated without a dot ("Nov 18")
_MONTH_MD = rf"(?:{_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s+\d))"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple of)"
_UNIT = r"(?:day|week|month|year)s?"

_PATTERN = re.compile(
    r"\b(?:(?P<endof>(?:(?:by|until|before|at|towards?)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?"
    rf"(?:(?P<endof_month>{_MONTH})(?:\s+(?P<endof_my>{_YEAR}))?|(?P<endof_year>{_YEAR})|"
    r"(?P<endof_rel>(?:this|next|the)\s+)?(?P<endof_unit>year|month|week|decade)))"
    rf"|(?P<md>(?:(?:on|by|until|since|before|from)\s+)?(?:the\s+)?(?:{_WEEKDAY},?\s+)?(?P<md_month>{_MONTH_MD})\s+(?P<md_day>{_DAY})\b"
    rf"(?:,?\s+(?P<md_year>{_YEAR}))?)"
    rf"|(?P<dm>(?:(?:on|by|until|since|before|from)\s+)?(?:the\s+)?(?:{_WEEKDAY},?\s+)?(?P<dm_day>{_DAY})\s+(?:of\s+)?"
    rf"(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>{_YEAR}))?)"
    rf"|(?P<month>(?:(?P<month_prep>in|by|until|since|before|during|from|through|after)\s+)?"
    rf"(?:(?P<month_rel>last|next|this|early|mid-?|late)\s*)?(?P<month_name>{_MONTH})"
    rf"(?:,?\s+(?P<month_year>{_YEAR}))?)"
    rf"|(?P<wd>(?:(?:on|by|until|since|before)\s+)?(?:(?P<wd_rel>last|next|this|coming)\s+)?"
    rf"(?P<wd_name>{_WEEKDAY}))"
    r"|(?P<ord>(?:on\s+)?the\s+(?P<ord_day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)))\b"
    r"(?!\s+(?:century|anniversary|round|time|amendment|floor|place|annual|edition|congress|summit|birthday))"
    # "end-2022", "by mid-2023", "end-July": the edge of a year or month written with a hyphen
    rf"|(?P<edge>(?:(?:by|until|before|at|in)\s+)?(?P<edge_which>end|mid)-(?:(?P<edge_year>{_YEAR})|(?P<edge_month>{_MONTH})))"
    # "in H1 2024", "the second half of 2023"
    rf"|(?P<half>(?:(?:in|by|during)\s+)?(?:the\s+)?(?:H(?P<half_num>[12])|(?P<half_ord>first|second)\s+half\s+of)"
    rf"\s+(?P<half_year>{_YEAR}))"
    # "before the week is over": the end of the current week, month or year
    r"|(?P<over>[Bb]efore\s+the\s+(?P<over_unit>week|month|year)\s+is\s+(?:over|out))"
    # "in the coming days": a window after publication (days: two weeks, weeks: six weeks, months: six months)
    r"|(?P<coming>(?:[Ii]n|[Oo]ver|[Ww]ithin|[Dd]uring)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?P<coming_unit>days|weeks|months))"
    r"|(?P<yearend>(?:(?:by|before|until|at)\s+)?(?:the\s+)?year[- ]end|(?:later|earlier)\s+in\s+the\s+year)"
    r"|(?P<season>(?:(?:in|by|until|before|during|through|over|from)\s+)?(?:the\s+)?"
    r"(?:(?P<season_rel>next|this|last|coming|early|late)\s+)?(?P<season_name>spring|summer|autumn|winter"
    rf"|(?<=the\s)fall|(?<=next\s)fall|(?<=this\s)fall|(?<=last\s)fall)\b(?:\s+(?:of\s+)?(?P<season_year>{_YEAR}))?)"
    rf"|(?P<rel>(?P<rel_later>(?:later|earlier)\s+)?(?P<rel_which>this|next|last|past|coming)\s+"
    r"(?P<rel_unit>week|weekend|month|year|quarter))"
    rf"|(?P<q>(?:(?:in|by|during)\s+)?(?:the\s+)?(?:(?P<q_ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"|Q(?P<q_num>[1-4]))(?:\s+(?:of\s+)?(?P<q_year>{_YEAR}))?)"
    rf"|(?P<within>(?:in|within|[Aa]fter)\s+(?:the\s+(?:next|coming)\s+)?(?P<within_n>{_NUM})\s+(?P<within_unit>{_UNIT})(?!\s+of\b))"
    rf"|(?P<ago>(?P<ago_n>{_NUM})\s+(?P<ago_unit>{_UNIT})\s+ago)"
    r"|(?P<deictic>today|tonight|yesterday|tomorrow|(?:earlier|later)\s+in\s+the\s+day)"
    rf"|(?P<year>(?P<year_prep>in|by|until|since|before|during|through|for|of)\s+(?P<year_n>{_YEAR}))\b)"
)


#: a clock time ("at 2pm", "at 1215 GMT", "12:45 p.m."): without a date it is a time of the publication day
CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:GMT|UTC|BST|CET|CEST)\b"
    r"|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:GMT|UTC|BST|CET|CEST|EDT|EST|ET|PT|PDT|JST|IST)\b"
)


_CUE = re.compile(
    rf"\b(?:{_MONTH_MD}|{_WEEKDAY}|\b(?:19|20)\d\d\b|\d+(?:st|nd|rd|th)\b|\b(?:week|month|year|quarter|Q[1-4]|today|tonight|"
    r"yesterday|tomorrow|days?|weeks|months|years|weekend|spring|summer|autumn|fall|winter)\b)",
)


_WORD = re.compile(r"\b\w+")
#: "the highest level in 10 months", "the most senior official to visit X in several years": a superlative
#: looks back, unless a modal between says the clause is about the future ("the first plant will open in …")
_LOOKING_BACK = re.compile(
    r"\b(?:\w+est|first|most|least|only|longest)\b"
    r"(?:\s+(?!(?:will|would|could|may|might|shall|is|are|be|expected|set|due|plans?|likely)\b)[\w’'-]+){0,8}\s+$",
    re.I,
)
_QUARTER = re.compile(r"[QH][1-4]$")
#: the words a time expression can start with (see _PATTERN), case as written there
_STARTERS = (
    words(
        """
        on by until since before from the in during through after at toward towards end last next this early mid
        late later earlier past coming within over for of first second third fourth year today tonight yesterday
        tomorrow a an one two three four five six seven eight nine ten eleven twelve few several couple spring
        summer autumn winter
        """
    )
    | {m.capitalize() for m in MONTHS}
    | {m.rstrip(".").capitalize() for m in MONTHS}
    | {d.capitalize() for d in WEEKDAYS}
    | {"Before", "By", "In", "During", "After", "Within"}
)


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: offsets into the text, the period it covers and how precise it is."""

    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date
    precision: str  # day | week | month | quarter | year

    @property
    def iso(self) -> str:
        """ISO form for a meeting date: ``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month, else first day."""
        if self.precision == "month":
            return self.first.isoformat()[:7]
        return self.first.isoformat()


def month_end(year: int, month: int) -> dt.date:
    """The last day of the month."""
    return _month_end(year, month)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> tuple[dt.date, dt.date, str]:
    return dt.date(year, month, 1), _month_end(year, month), "month"


def _pick_year(month: int, day: int | None, pub: dt.date, future: bool | None) -> int:
    """The year of a month (and day) without one: past, future or nearest to *pub*."""

    def when(y: int) -> dt.date:
        return dt.date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))

    if future is True:
        if day is None:
            return pub.year if month >= pub.month else pub.year + 1
        return pub.year if when(pub.year) >= pub else pub.year + 1
    if future is False:
        if day is None:
            return pub.year if month <= pub.month else pub.year - 1
        return pub.year if when(pub.year) <= pub else pub.year - 1
    years = (pub.year - 1, pub.year, pub.year + 1)
    return min(years, key=lambda y: (abs((when(y) - pub).days), -y))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 1)


def _shift(pub: dt.date, n: int, unit: str, sign: int) -> dt.date:
    unit = unit.rstrip("s")
    if unit == "day":
        return pub + dt.timedelta(days=sign * n)
    if unit == "week":
        return pub + dt.timedelta(weeks=sign * n)
    months = pub.month - 1 + sign * n * (12 if unit == "year" else 1)
    y, m = pub.year + months // 12, months % 12 + 1
    return dt.date(y, m, min(pub.day, calendar.monthrange(y, m)[1]))


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _month_no(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _interpret(m: re.Match[str], pub: dt.date, future: bool | None) -> tuple[dt.date, dt.date, str] | None:
    g = m.group
    if g("endof"):
        if g("endof_month"):
            mo = _month_no(g("endof_month"))
            y = int(g("endof_my")) if g("endof_my") else _pick_year(mo, None, pub, future)
            d = _month_end(y, mo)
        elif g("endof_year"):
            d = dt.date(int(g("endof_year")), 12, 31)
        else:
            unit, rel = g("endof_unit"), (g("endof_rel") or "this").strip()
            step = 1 if rel == "next" else 0
            if unit == "year":
                d = dt.date(pub.year + step, 12, 31)
            elif unit == "month":
                d = _month_end(*_add_months(pub.year, pub.month, step))
            elif unit == "week":
                d = pub + dt.timedelta(days=6 - pub.weekday() + 7 * step)
            else:
                d = dt.date(pub.year // 10 * 10 + 9, 12, 31)
        return d, d, "day"
    if g("md") or g("dm"):
        p = "md" if g("md") else "dm"
        mo, day = _month_no(g(f"{p}_month")), _day(g(f"{p}_day"))
        y = int(g(f"{p}_year")) if g(f"{p}_year") else _pick_year(mo, day, pub, future)
        if day > calendar.monthrange(y, mo)[1]:
            return None
        d = dt.date(y, mo, day)
        return d, d, "day"
    if g("month"):
        name = g("month_name")
        if name == "May" and not (g("month_prep") or g("month_year") or g("month_rel")):
            return None  # "May" alone is too often the modal verb or a name
        mo = _month_no(name)
        rel = (g("month_rel") or "").strip()
        if g("month_year"):
            y = int(g("month_year"))
        elif rel == "last":
            y = _pick_year(mo, None, pub - dt.timedelta(days=1), False)
        elif rel == "next":
            y = pub.year if mo > pub.month else pub.year + 1
        elif g("month_prep") in ("by", "until", "before") and future is None:
            y = _pick_year(mo, None, pub, True)
        elif g("month_prep") in ("since", "from", "after"):
            y = _pick_year(mo, None, pub, False if future is None else future)
        else:
            y = _pick_year(mo, None, pub, future)
        return _month(y, mo)
    if g("wd"):
        wd, rel = WEEKDAYS[g("wd_name").lower()], (g("wd_rel") or "")
        if rel in ("next", "coming") or (rel == "this" and future is not False) or (not rel and future):
            delta = (wd - pub.weekday()) % 7 or (7 if rel else 0)
            d = pub + dt.timedelta(days=delta)
        else:
            delta = (pub.weekday() - wd) % 7 or (7 if rel == "last" else 0)
            d = pub - dt.timedelta(days=delta)
        return d, d, "day"
    if g("ord"):
        day = _day(g("ord_day"))
        y, mo = pub.year, pub.month
        if future and day < pub.day:
            y, mo = _add_months(y, mo, 1)
        elif not future and day > pub.day:
            y, mo = _add_months(y, mo, -1)
        if day > calendar.monthrange(y, mo)[1]:
            return None
        d = dt.date(y, mo, day)
        return d, d, "day"
    if g("edge"):
        if g("edge_year"):
            y = int(g("edge_year"))
            d = dt.date(y, 12, 31) if g("edge_which") == "end" else dt.date(y, 6, 30)
        else:
            mo = _month_no(g("edge_month"))
            y = _pick_year(mo, None, pub, True if future is None else future)
            d = _month_end(y, mo) if g("edge_which") == "end" else dt.date(y, mo, 15)
        return d, d, "day"
    if g("half"):
        y, h = int(g("half_year")), int(g("half_num") or (1 if g("half_ord") == "first" else 2))
        return dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "quarter"
    if g("over"):
        unit = g("over_unit")
        if unit == "week":
            return pub, pub + dt.timedelta(days=6 - pub.weekday()), "week"
        if unit == "month":
            return pub, _month_end(pub.year, pub.month), "month"
        return pub, dt.date(pub.year, 12, 31), "year"
    if g("coming"):
        if future is False:
            return None
        unit = g("coming_unit")
        last = (
            pub + dt.timedelta(days=14)
            if unit == "days"
            else pub + dt.timedelta(weeks=6)
            if unit == "weeks"
            else _shift(pub, 6, "month", 1)
        )
        return pub, last, "week" if unit == "days" else "month"
    if g("yearend"):
        return pub, dt.date(pub.year, 12, 31), "year"
    if g("season"):
        return _season(g("season_name"), (g("season_rel") or "").lower(), g("season_year"), pub, future)
    if g("rel"):
        which, unit = g("rel_which"), g("rel_unit")
        step = {"next": 1, "coming": 1, "last": -1, "past": -1}.get(which, 0)
        if which == "this" and unit == "week" and pub.weekday() == 6 and (g("rel_later") or future):
            step = 1  # "later this week" written on a Sunday: the week ahead
        if unit in ("week", "weekend"):
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
            first = monday + dt.timedelta(days=5) if unit == "weekend" else monday
            return first, monday + dt.timedelta(days=6), "week"
        if unit == "month":
            y, mo = _add_months(pub.year, pub.month, step)
            return _month(y, mo)
        if unit == "quarter":
            q = (pub.month - 1) // 3 + step
            y, q = pub.year + q // 4, q % 4
            return dt.date(y, q * 3 + 1, 1), _month_end(y, q * 3 + 3), "quarter"
        return dt.date(pub.year + step, 1, 1), dt.date(pub.year + step, 12, 31), "year"
    if g("q"):
        q = _ORDINALS.get((g("q_ord") or "").lower()) or int(g("q_num"))
        y = int(g("q_year")) if g("q_year") else pub.year
        if not g("q_year") and future and q * 3 < pub.month:
            y += 1
        return dt.date(y, q * 3 - 2, 1), _month_end(y, q * 3), "quarter"
    if g("within"):
        if future is False:
            return None  # "the first talks in five years": a span looking back, not a date
        return pub, _shift(pub, _count(g("within_n")), g("within_unit"), 1), "day"
    if g("ago"):
        d = _shift(pub, _count(g("ago_n")), g("ago_unit"), -1)
        return d, d, "day"
    if g("deictic"):
        word = g("deictic").lower()
        d = pub + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        return d, d, "day"
    if g("year"):
        y = int(g("year_n"))
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    return None


#: meteorological seasons (northern hemisphere): first month and length in months
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(name: str, rel: str, year: str | None, pub: dt.date, future: bool | None) -> tuple[dt.date, dt.date, str]:
    """A season as its three meteorological months: spring March-May, summer June-August, autumn (fall)
    September-November, winter December-February. Without a year, "next" is the first one starting after
    publication, "last" the latest one ended before it, "this" or a bare name the current or coming one (the
    current or latest one for a past-looking caller)."""

    def span(y: int) -> tuple[dt.date, dt.date]:
        first = dt.date(y, _SEASONS[name.lower()], 1)
        return first, _month_end(*_add_months(y, first.month, 2))

    if year:
        first, last = span(int(year))
    else:
        options = [span(y) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
        if rel == "next":
            first, last = next(o for o in options if o[0] > pub)
        elif rel == "last":
            first, last = [o for o in options if o[1] < pub][-1]
        elif future is False and rel != "this":
            first, last = [o for o in options if o[0] <= pub][-1]
        else:
            first, last = next(o for o in options if o[1] >= pub)
    if rel == "early":
        last = _month_end(first.year, first.month)
    elif rel == "late":
        first = dt.date(last.year, last.month, 1)
    return first, last, "month" if first.month == last.month else "quarter"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    months = month - 1 + n
    return year + months // 12, months % 12 + 1


def find(
    text: str, published: dt.date, start: int = 0, end: int | None = None, *, future: bool | None = None
) -> list[TimeExpr]:
    """Every time expression in ``text[start:end]``, resolved against *published*."""
    return interpret(matches(text, start, end), published, future=future)


def matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The raw time-expression matches of ``text[start:end]`` (scan once, interpret per hint)."""
    end = len(text) if end is None else end
    out: list[re.Match[str]] = []
    reach = start
    for cue in _CUE.finditer(text, start, end):
        if cue.end() <= reach:
            continue
        lo, hi = max(reach, start, cue.start() - 32), min(end, cue.end() + 16)
        skip = lo
        # every expression starts with one of a few words: try only those (as finditer would, left to right)
        for w in _WORD.finditer(text, lo, cue.end()):
            if w.start() < skip or not (w.group() in _STARTERS or w.group()[0].isdigit() or _QUARTER.match(w.group())):
                continue
            m = _PATTERN.match(text, w.start(), hi)
            if m is None:
                continue
            if m.end() >= cue.end():
                if not (m.group("within") and _LOOKING_BACK.search(text, max(start, m.start() - 70), m.start())):
                    out.append(m)  # "the highest level in 10 months" looks back: not a date
                reach = m.end()
                break
            skip = m.end()
    return out


def interpret(found: list[re.Match[str]], published: dt.date, *, future: bool | None = None) -> list[TimeExpr]:
    """Resolve raw matches against *published* with the given direction hint."""
    out: list[TimeExpr] = []
    for m in found:
        try:
            value = _interpret(m, published, future)
        except (ValueError, OverflowError):  # outside the calendar kg can write ("within 800000 years"): no date
            value = None
        if value is not None:
            out.append(TimeExpr(m.start(), m.end(), m.group(), *value))
    return out


def resolve(phrase: str, published: dt.date, *, future: bool | None = None) -> TimeExpr | None:
    """The first time expression in *phrase*, resolved against *published* (None when there is none).

    >>> resolve("on the 24th", dt.date(2018, 8, 27)).iso
    '2018-08-24'
    >>> resolve("this year", dt.date(2018, 8, 27)).last.isoformat()
    '2018-12-31'
    """
    found = find(phrase, published, future=future)
    return found[0] if found else None


#: a liveblog entry's time stamp with its date on a line of its own ("Tue 11 Jun 2024 10.42 BST"); a bare
#: "10:42 BST" is a time of the day, no date
_STAMP = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?(?P<day>[12]\d|3[01]|0?[1-9])\s+(?P<month>[A-Z][a-z]{2,8})\.?,?\s+"
    r"(?P<year>(?:19|20)\d\d),?\s+\d{1,2}[.:]\d\d\s*(?:am|pm)?\s*(?:[A-Z]{2,4})?\s*$",
    re.M,
)


def published_date(value: str | None, text: str = "") -> dt.date | None:
    """The article's published ISO date (or date-time) as a date; without one, the date of the first dated
    liveblog stamp of *text* (the latest entry, liveblogs running newest first), else None.

    >>> published_date(None, "Ukraine live\\n\\nTue 11 Jun 2024 10.42 BST\\n\\nZelensky arrives today.")
    datetime.date(2024, 6, 11)
    """
    if not value:
        m = _STAMP.search(text)
        month = MONTHS.get(m.group("month").lower()[:3]) if m else None
        if m is None or month is None:
            return None
        try:
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
