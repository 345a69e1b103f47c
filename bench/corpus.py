"""A seeded, reproducible generator of realistic ~1,000-word news articles (text files with front matter).

The articles are text for kg's extractor, not pre-made triples: quotes in the usual patterns, meetings
(held, planned, cancelled), hedged predictions with dates and probabilities, background sentences and the
boilerplate lines of a scraped page. The actors come from a generated registry of a few thousand people
(with titles), countries and organisations, mixed with the real actors of ``seeds/actors.ttl`` so that
both the registry path and the unknown-actor path of extraction are exercised.

Article ``i`` of seed ``s`` is the same text whatever the size of the corpus it is part of, as long as
``seeds/actors.ttl`` is the same (its actors are drawn from too): :func:`fingerprint` names that pair.

>>> a = generate_article(3, seed=7)
>>> a.text == generate_article(3, seed=7).text and a.text != generate_article(4, seed=7).text
True
>>> 800 <= len(a.text.split()) <= 1300
True
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WORDS_TARGET = 1000

__all__ = [
    "Actor", "GeneratedArticle", "Registry", "fingerprint", "generate_article", "registry", "render", "write_corpus",
]


@dataclass(frozen=True)
class Actor:
    """Someone or something that can speak, meet or be talked about."""

    name: str
    kind: str  # person | country | org
    title: str = ""  # people: "Finance Minister", "CEO", ...
    country: str = ""  # people: the country (or company) they serve
    surname: str = ""  # people: the short form used on later mentions
    registry: bool = False  # True when the actor is in seeds/actors.ttl

    def full(self) -> str:
        """First mention: title and name ("Finance Minister Amara Okafor", "Acme CEO Jo Bloggs")."""
        if self.kind != "person" or not self.title:
            return self.name
        if self.title in ("CEO", "chief executive", "spokesperson", "central bank governor"):
            return f"{self.country} {self.title} {self.name}"
        return f"{self.title} {self.name}"

    def short(self) -> str:
        """Later mentions: the surname of a person, the name otherwise."""
        return self.surname or self.name


@dataclass
class Registry:
    """Generated and real actors to draw from."""

    people: list[Actor] = field(default_factory=list)
    countries: list[Actor] = field(default_factory=list)
    orgs: list[Actor] = field(default_factory=list)
    registry_people: list[Actor] = field(default_factory=list)
    registry_orgs: list[Actor] = field(default_factory=list)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "Amara Daniel Sofia Liam Mei Omar Ingrid Rafael Chen Aisha Tomas Priya Kwame Elena Hiroshi Fatima Lukas "
    "Nadia Pavel Grace Mateo Yara Henrik Leila Dmitri Ana Kofi Marta Jonas Sanjay Zara Felix Ines Tariq "
    "Olga Samuel Noor Viktor Chiara Andile Hana Mikhail Rosa Emeka Astrid Javier Lina Arjun Beatriz Yusuf "
    "Karin Diego Amani Stefan Leyla Ivan Camila Tunde Freya Ravi Selin Marco Adaeze Erik Lucia Hamid"
)
_LAST = _words(
    "Okafor Reyes Lindqvist Tanaka Haddad Novak Mensah Petrov Silva Khan Moreau Nakamura Adeyemi Costa "
    "Johansson Rahman Kowalski Ibrahim Fischer Alvarez Osei Volkov Rossi Banerjee Mwangi Larsen Duarte "
    "Yilmaz Hoffmann Castillo Nkemelu Sato Andersen Varga Mahmoud Ortiz Kuznetsova Bianchi Achebe Park "
    "Gruber Mendes Aziz Svensson Oduya Kaur Dimitrov Herrera Abara Lund Ferreira Celik Weber Navarro Eze "
    "Holm Pereira Sorensen Qureshi Bauer Romero Boateng Nilsson Marin Hassan Jensen Lopes Demir Vogel"
)
_TITLES = (
    "President", "Prime Minister", "Foreign Minister", "Finance Minister", "Defence Minister",
    "Trade Minister", "central bank governor", "CEO", "spokesperson", "Energy Minister", "Vice President",
)
_COMPANY_A = _words("Northwind Meridian Atlas Helios Cobalt Granite Sterling Vantage Orion Pioneer Harbor")
_COMPANY_B = ("Holdings", "Energy", "Bank", "Group", "Motors", "Telecom", "Shipping", "Mining", "Capital")
_ORG_KINDS = (
    "Council for {x} Cooperation", "{x} Development Bank", "{x} Trade Bloc", "Alliance of {x} States",
    "{x} Energy Forum", "Commission on {x} Security",
)
_REGIONS = _words("Pacific Atlantic Arctic Baltic Sahel Andean Caspian Danube Mekong Gulf Nordic Alpine")

_COUNTRY_FALLBACK = _words(
    "France Germany Japan Brazil India Nigeria Kenya Canada Mexico Indonesia Turkey Egypt Poland Sweden "
    "Argentina Vietnam Chile Spain Italy Ghana"
)


def _registry_actors() -> tuple[list[Actor], list[Actor], list[Actor]]:
    """People (with role), countries and organisations of seeds/actors.ttl (read with a small parser)."""
    path = SEEDS / "actors.ttl"
    if not path.exists():
        return [], [Actor(c, "country") for c in _COUNTRY_FALLBACK], []
    people, countries, orgs = [], [], []
    for block in re.split(r"\n(?=kga:)", path.read_text(encoding="utf-8")):
        m = re.match(r"kga:\S+ a kg:(Person|Country|Organization)\b", block)
        label = re.search(r'rdfs:label "([^"]+)"', block)
        if not m or not label:
            continue
        name = label.group(1)
        if m.group(1) == "Country":
            countries.append(Actor(name, "country", registry=True))
        elif m.group(1) == "Organization":
            orgs.append(Actor(name, "org", registry=True))
        else:
            role = re.search(r'kg:role "([^"]+)"', block)
            title = role.group(1) if role else ""
            people.append(Actor(name, "person", title=title, surname=name.split()[-1], registry=True))
    return people, countries, orgs


def fingerprint(seed: int = 0) -> str:
    """A short name for the corpus of a seed: the seed and a hash of the actor registry file it draws from."""
    path = SEEDS / "actors.ttl"
    digest = hashlib.sha256(path.read_bytes() if path.exists() else b"").hexdigest()[:8]
    return f"{seed}-{digest}"


@functools.cache
def registry(seed: int = 0, people: int = 3000) -> Registry:
    """The actor registry of a seed: ``people`` generated people plus the real registry's actors."""
    rng = random.Random(f"registry:{seed}")
    reg_people, countries, reg_orgs = _registry_actors()
    companies = [f"{a} {b}" for a in _COMPANY_A for b in _COMPANY_B]
    orgs = [Actor(k.format(x=r), "org") for k in _ORG_KINDS for r in _REGIONS]
    orgs += [Actor(c, "org") for c in companies]
    names: set[str] = set()
    gen: list[Actor] = []
    while len(gen) < people:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        if rng.random() < 0.15:
            name = f"{name.split()[0]} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {name.split()[1]}"
        if name in names:
            name = f"{name}-{rng.choice(_LAST)}"
            if name in names:
                continue
        names.add(name)
        title = rng.choice(_TITLES)
        where = rng.choice(companies) if title in ("CEO",) else rng.choice(countries).name
        gen.append(Actor(name, "person", title=title, country=where, surname=name.split()[-1]))
    return Registry(gen, countries, orgs, reg_people, reg_orgs)


@dataclass
class GeneratedArticle:
    """Front matter fields and body text of one generated article."""

    meta: dict[str, str]
    text: str

    @property
    def name(self) -> str:
        """A file name for it (stable: derived from the URL)."""
        return hashlib.sha256(self.meta["url"].encode()).hexdigest()[:16]


_OUTLETS = (
    "The Meridian Post", "Global Affairs Daily", "The Harbor Times", "Continental Review", "The Diplomat",
    "Wire Asia", "Reuters", "The Northern Ledger", "Capital Observer", "World Brief",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
_TOPICS = (
    "trade", "tariffs", "energy prices", "the ceasefire", "interest rates", "the border dispute",
    "sanctions", "the debt talks", "climate finance", "nuclear talks", "grain exports", "the budget",
    "shipping lanes", "the gas pipeline", "migration", "fishing rights", "the election",
    "semiconductor supplies",
)
_QUOTE_BODIES = (
    "We will not accept any deal that undermines our sovereignty",
    "The talks were constructive and we made real progress on {topic}",
    "There is no alternative to dialogue on {topic}",
    "Our position on {topic} has not changed and it will not change",
    "We expect our partners to honour the commitments they made last year",
    "I am confident that we can reach an agreement on {topic} before the end of the year",
    "This is a difficult moment, but we have been through difficult moments before",
    "Nobody benefits from an escalation over {topic}",
    "The door remains open, but time is running out",
    "We have asked for clarification and we are waiting for an answer",
    "The figures speak for themselves: {topic} is costing us growth",
    "We are ready to talk at any level and at any time",
)
_BOILERPLATE = (
    "Advertisement", "Share this article", "Subscribe to our newsletter for the latest updates",
    "Read more: {title}", "Credit: {outlet} / File photo", "Sign up for our daily briefing",
    "Related Coverage", "Follow us on social media", "Copyright {year} {outlet}. All rights reserved.",
    "Click here to read the full story", "Recent Features", "Most Read",
)
_BACKGROUND = (
    "{country} has been under growing pressure over {topic} since {year}, when negotiations first stalled.",
    "Analysts say the dispute over {topic} has weighed on markets for months.",
    "The {org} has repeatedly called for calm, warning that a breakdown would hurt the wider region.",
    "Officials in {country} declined to comment on the details of the proposal.",
    "The issue of {topic} has dominated the agenda of regional meetings for much of the past year.",
    "Diplomats familiar with the matter said several drafts had circulated in recent weeks.",
    "{country}'s economy grew by {pct} percent last year, slower than most forecasts had suggested.",
    "Previous rounds of talks ended without a joint statement, and both sides blamed each other.",
    "The opposition in {country} has criticised the government's handling of {topic}.",
    "Trade between the two countries reached a record last year despite the tensions.",
    "Observers noted that the tone of official statements had softened considerably in recent days.",
    "A report published by the {org} in {month} estimated the cost of the dispute at billions of dollars.",
    "Protests over {topic} have been held in several cities, most of them peaceful.",
    "Markets reacted calmly to the news, with the currency little changed by the close of trading.",
    "The government has not published the text of the draft agreement.",
    "Officials stressed that no final decision had been taken and that consultations would continue.",
)


class _Writer:
    """Builds one article sentence by sentence from one random generator."""

    def __init__(self, rng: random.Random, reg: Registry, published: dt.date) -> None:
        self.rng = rng
        self.reg = reg
        self.published = published
        pool = rng.sample(reg.people, 6)
        if reg.registry_people:
            pool += rng.sample(reg.registry_people, min(3, len(reg.registry_people)))
        unique: dict[str, Actor] = {}  # one actor per surname, so that a later "Okafor said" is unambiguous
        for a in pool:
            unique.setdefault(a.short(), a)
        pool = list(unique.values())
        rng.shuffle(pool)
        self.cast = pool
        self.mentioned: set[str] = set()
        self.countries = rng.sample(reg.countries, min(4, len(reg.countries)))
        self.orgs = rng.sample(reg.orgs + reg.registry_orgs, 3)
        self.topic = rng.choice(_TOPICS)

    def who(self, actor: Actor | None = None) -> tuple[Actor, str]:
        a = actor or self.rng.choice(self.cast)
        if a.name in self.mentioned:
            return a, a.short()
        self.mentioned.add(a.name)
        return a, a.full()

    def country(self) -> str:
        return self.rng.choice(self.countries).name

    def org(self) -> str:
        return self.rng.choice(self.orgs).name

    def day(self) -> str:
        """A relative or absolute date phrase for the last week before publication."""
        back = self.rng.randint(0, 6)
        d = self.published - dt.timedelta(days=back)
        return self.rng.choice((f"on {_DAYS[d.weekday()]}", f"on {_MONTHS[d.month - 1]} {d.day}"))

    def future(self) -> str:
        """A future date phrase: a month, a day, or a season."""
        ahead = self.published + dt.timedelta(days=self.rng.randint(10, 200))
        return self.rng.choice(
            (
                f"in {_MONTHS[ahead.month - 1]}",
                f"on {_MONTHS[ahead.month - 1]} {ahead.day}",
                f"by the end of {_MONTHS[ahead.month - 1]}",
                f"in {_MONTHS[ahead.month - 1]} {ahead.year}",
                "next month",
                "before the end of the year",
            )
        )

    def fill(self, template: str) -> str:
        return template.format(
            topic=self.rng.choice((self.topic, self.rng.choice(_TOPICS))),
            country=self.country(),
            org=self.org(),
            year=self.published.year - self.rng.randint(1, 6),
            pct=f"{self.rng.randint(1, 6)}.{self.rng.randint(0, 9)}",
            month=self.rng.choice(_MONTHS),
        )

    def quote(self) -> str:
        a, name = self.who()
        body = self.fill(self.rng.choice(_QUOTE_BODIES))
        form = self.rng.randrange(6)
        if form == 0:
            return f"\u201c{body},\u201d {name} said {self.day()}."
        if form == 1:
            return f"{name} said: \u201c{body}.\u201d"
        if form == 2:
            return f"According to {name}, {body[0].lower()}{body[1:]}."
        if form == 3:
            return f"{name} told reporters {self.day()} that {body[0].lower()}{body[1:]}."
        if form == 4:
            return f'"{body}," {name} told a press conference in {self.country()}.'
        return f"\u201c{body},\u201d said {name}, speaking {self.day()}."

    def meeting(self) -> str:
        (a, an), (b, bn) = self.who(), self.who()
        while b.name == a.name:
            b, bn = self.who()
        place = self.country()
        kind = self.rng.choice(("a summit", "talks", "a meeting", "a phone call", "a bilateral meeting"))
        status = self.rng.randrange(5)
        if status == 0:
            return f"{an} met {bn} in {place} {self.day()} for talks on {self.topic}."
        if status == 1:
            return f"{an} and {bn} held {kind} in {place} {self.day()}."
        if status == 2:
            return f"{an} is expected to visit {place} {self.future()} for talks with {bn}."
        if status == 3:
            return f"A planned summit between {an} and {bn} in {place} was cancelled {self.day()}."
        return f"{an} will host {bn} for {kind} in {place} {self.future()}, officials said."

    def prediction(self) -> str:
        a, name = self.who()
        event = self.rng.choice(
            (
                f"reach a deal on {self.topic}",
                "cut interest rates",
                f"impose new tariffs on {self.country()}",
                f"sign the agreement {self.future()}",
                "call an early election",
                f"meet {self.who()[1]} {self.future()}",
                f"lift sanctions on {self.country()}",
            )
        )
        form = self.rng.randrange(7)
        if form == 0:
            return f"{name} is likely to {event}, analysts said."
        if form == 1:
            return f"{name} said {self.day()} that the government will {event} {self.future()}."
        if form == 2:
            return f"The {self.org()} may {event}, {name} warned."
        if form == 3:
            return f"Markets now see an {self.rng.choice((62, 71, 82, 90))}% chance that {name} will {event}."
        if form == 4:
            return f"{name} is expected to {event} {self.future()}."
        if form == 5:
            return f"\u201cWe will {event},\u201d {name} said {self.day()}."
        return f"It is unlikely that {name} will {event} {self.future()}, according to {self.who()[1]}."

    def background(self) -> str:
        return self.fill(self.rng.choice(_BACKGROUND))

    def paragraph(self) -> str:
        makers = [self.quote, self.quote, self.meeting, self.prediction, self.background, self.background]
        n = self.rng.randint(2, 4)
        return " ".join(self.rng.choice(makers)() for _ in range(n))


def generate_article(index: int, *, seed: int = 0, words: int = WORDS_TARGET) -> GeneratedArticle:
    """Article number ``index`` of seed ``seed``: front matter fields and ~``words`` words of body text."""
    reg = registry(seed)
    rng = random.Random(f"article:{seed}:{index}")
    published = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 7 * 365))
    w = _Writer(rng, reg, published)
    lead = w.cast[0]
    other = w.cast[1]
    title = rng.choice(
        (
            f"{lead.short()} and {other.short()} trade blows over {w.topic}",
            f"Talks on {w.topic} stall as {w.country()} digs in",
            f"{lead.short()} signals shift on {w.topic}",
            f"What to expect from the {w.country()} summit: {w.topic} tops the agenda",
            f"{w.country()} and {w.country()} edge toward deal on {w.topic}",
        )
    )
    outlet = rng.choice(_OUTLETS)
    author = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    meta = {
        "url": f"https://news.example.org/{published:%Y/%m}/{slug}-{seed}-{index}",
        "title": title,
        "outlet": outlet,
        "author": author,
        "published": published.isoformat(),
    }
    boiler = [b.format(title=title, outlet=outlet, year=published.year) for b in rng.sample(_BOILERPLATE, 6)]
    lines = [title, "", boiler[0], boiler[1], "", title, "", f"By {author} | {outlet}", ""]
    count = 0
    paragraphs = 0
    while count < words - 60:
        para = w.paragraph()
        lines += [para, ""]
        count += len(para.split())
        paragraphs += 1
        if paragraphs % 5 == 2:
            lines += [boiler[2 + (paragraphs // 5) % 3], ""]
    lines += [boiler[5], ""]
    return GeneratedArticle(meta, "\n".join(lines))


def render(article: GeneratedArticle) -> str:
    """The file content: ``---`` front matter, then the body."""
    front = "\n".join(f"{k}: {json.dumps(v) if ':' in v or '#' in v else v}" for k, v in article.meta.items())
    return f"---\n{front}\n---\n{article.text}"


def write_corpus(folder: str | Path, count: int, *, seed: int = 0, include_seed: bool = True) -> list[Path]:
    """Write ``count`` generated articles (plus the real seed article) into ``folder``; return their paths.

    Files already written by an earlier call with the same seed are reused (same seed, same text).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    if include_seed:
        for src in sorted(SEEDS.glob("000_*.txt")):
            dst = folder / src.name
            if not dst.exists():
                shutil.copyfile(src, dst)
                sidecar = src.with_suffix(".meta.json")
                if sidecar.exists():
                    shutil.copyfile(sidecar, folder / sidecar.name)
            paths.append(dst)
    for i in range(count):
        path = folder / f"g{seed}_{i:06d}.txt"
        if not path.exists():
            path.write_text(render(generate_article(i, seed=seed)), encoding="utf-8")
        paths.append(path)
    return paths
