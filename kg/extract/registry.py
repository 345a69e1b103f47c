"""The actor registry: known countries, people and organisations read from ``seeds/actors.ttl``.

The registry is data (Turtle with kg ontology terms); this module turns it into lookup tables and one compiled
matcher for every surface form, built once per process (:func:`load_registry` is cached).

Surface forms and what a match means:

- ``name``     rdfs:label and skos:altLabel: the actor itself, matched anywhere.
- ``short``    a person's family name derived from the label (last word; first word for names written
               family-name first, i.e. people serving a country in :data:`FAMILY_NAME_FIRST`); it counts only
               after the full name was seen in the article or right after a title ("Chairman Kim").
- ``capital``  kg:capital of a country: the government acting ("Ankara said ...").
- ``metonym``  skos:hiddenLabel of a country ("Kremlin", "White House").
- ``demonym``  kg:demonym of a country, singular or plural ("South Korean", "North Koreans"): an adjective,
               which never creates an actor on its own.

>>> reg = load_registry()
>>> reg.actors["north-korea"].wikidata
'Q423'
>>> sorted(s for s, kind in reg.surfaces["Kim"])[:2]
['kim-jong-il', 'kim-jong-un']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.extract.slugs import actor_iri, slug
from kg.namespaces import ACTOR, KG, WD, rebase
from kg.paths import data_dir

__all__ = ["Registry", "RegistryActor", "load_registry", "slug", "actor_iri"]

#: countries whose people's names are written family name first in English news
FAMILY_NAME_FIRST = frozenset({"china", "north-korea", "south-korea", "taiwan", "vietnam"})

#: roles that make a person the most salient holder of a shared family name ("Kim" -> the ruler)
LEADER_ROLES = (
    "president",
    "chairman",
    "supreme leader",
    "king",
    "emir",
    "prime minister",
    "chancellor",
    "general secretary",
    "premier",
    "crown prince",
    "leader",
    "ceo",
    "chief executive",
)

#: family names that are also common capitalised words; never derived as short names
_AMBIGUOUS_SHORT = frozenset({"May", "March", "June", "August", "Will", "Young", "King", "Li"})

_TYPES = {KG.Person: "Person", KG.Organization: "Organization", KG.Country: "Country"}


@dataclass(frozen=True)
class RegistryActor:
    """One registry entry."""

    slug: str
    label: str
    type: str
    wikidata: str | None = None
    names: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        """The actor IRI, ``kga:<slug>``."""
        return f"{ACTOR}{self.slug}"

    @cached_property
    def salience(self) -> int:
        """Rank among namesakes: 2 for a leader role, 1 for any other role, 0 without roles."""
        lowered = [r.lower() for r in self.roles]
        if any(r in LEADER_ROLES for r in lowered):
            return 2
        return 1 if lowered else 0

    @cached_property
    def _roles_lower(self) -> frozenset[str]:
        return frozenset(r.lower() for r in self.roles)

    def has_role(self, title: str) -> bool:
        """True when *title* ("Chairman", "Secretary of State") is one of the roles, case-insensitive."""
        return title.lower().strip(". ") in self._roles_lower


@dataclass
class Registry:
    """Actors by slug, every surface form with its meaning, and one compiled matcher.

    ``surfaces`` maps a surface string (case-sensitive) to ``(slug, kind)`` pairs, kind as in the module doc.
    """

    actors: dict[str, RegistryActor]
    surfaces: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    pattern: re.Pattern[str] = field(default=re.compile(r"(?!x)x"))
    by_capital: dict[str, str] = field(default_factory=dict)
    by_demonym_word: dict[str, list[str]] = field(default_factory=dict)
    _kinds: dict[str, dict[str, list[RegistryActor]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.surfaces:
            self._index()

    def kinds(self, surface: str) -> dict[str, list[RegistryActor]]:
        """The actors a surface form names, grouped by kind of match (computed once per surface)."""
        found = self._kinds.get(surface)
        if found is None:
            found = {}
            for actor_slug, kind in self.surfaces.get(surface, []):
                found.setdefault(kind, []).append(self.actors[actor_slug])
            self._kinds[surface] = found
        return found

    def _add(self, surface: str, actor: str, kind: str) -> None:
        entries = self.surfaces.setdefault(surface, [])
        if (actor, kind) not in entries:
            entries.append((actor, kind))

    def _index(self) -> None:
        for a in self.actors.values():
            for n in a.names:
                self._add(n, a.slug, "name")
            for m in a.metonyms:
                self._add(m, a.slug, "metonym")
            for c in a.capitals:
                self._add(c, a.slug, "capital")
                self.by_capital.setdefault(c, a.slug)
            for d in a.demonyms:
                if a.type == "Country":
                    self.by_demonym_word.setdefault(d.split()[-1], []).append(a.slug)
                self._add(d, a.slug, "demonym")
                self._add(d + "s", a.slug, "demonym")
            if a.type == "Person":
                for s in short_names(a):
                    self._add(s, a.slug, "short")
        self.pattern = re.compile(r"(?:" + guarded_trie_regex(self.surfaces, r"[\w&]") + r")(?![\w&+])")

    def get(self, actor_slug: str) -> RegistryActor | None:
        """The entry with this slug, if any."""
        return self.actors.get(actor_slug)

    def country_of_place(self, place: str) -> str | None:
        """Slug of the country a place name (country name, alias or capital) stands for."""
        for actor, kind in self.surfaces.get(place, []):
            if kind in ("name", "capital", "metonym") and self.actors[actor].type == "Country":
                return actor
        return None


def short_names(actor: RegistryActor) -> list[str]:
    """Family names a person may be called by alone ("Erdogan", "Lee", "Lula").

    >>> short_names(RegistryActor(slug="lee-jae-myung", label="Lee Jae-myung", type="Person", country="south-korea"))
    ['Lee']
    """
    words = actor.label.replace(".", ". ").split()
    words = [w for w in words if w not in ("Jr.", "Sr.", "II", "III")]
    if len(words) < 2:
        return []
    family = words[0] if actor.country in FAMILY_NAME_FIRST else words[-1]
    return [] if family in _AMBIGUOUS_SHORT or len(family) < 2 else [family]


def trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for *words*, factored as a trie so the longest form is tried first."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return walk(trie)


def guarded_trie_regex(words: Iterable[str], before: str) -> str:
    """``(?<!before)`` + :func:`trie_regex` of *words* (*before*: a class of one character), written with the
    look-behind right after each first character: the same matches, and a pattern opening with one character
    of a few is searched for those characters first (a look-behind first makes the engine try every position).

    >>> import re
    >>> p = re.compile(guarded_trie_regex(["Ames", "Amesbury", "Bell"], r"[\\w&]"))
    >>> [m.group() for m in p.finditer("Ames, xAmes, Amesbury&Bell Bell")]
    ['Ames', 'Amesbury', 'Bell']
    """
    words = list(words)
    if not words or "" in words:  # an empty word matches everywhere: written as it is
        return f"(?<!{before})(?:{trie_regex(words)})"
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(
        f"{re.escape(ch)}(?<!{before}{re.escape(ch)}){trie_regex(rests)}" for ch, rests in sorted(by_first.items())
    )


def _texts(g: Graph, s: URIRef, p: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal)))


def read_registry(path: Path) -> Registry:
    """Parse a registry Turtle file into a :class:`Registry` (no caching)."""
    g = Graph()
    g.parse(data=rebase(path.read_text(encoding="utf-8")), format="turtle")  # instances under KG_BASE
    actors: dict[str, RegistryActor] = {}
    prefix = str(ACTOR)
    for rdf_type, type_name in _TYPES.items():
        for s in sorted(g.subjects(RDF.type, rdf_type), key=str):
            if not isinstance(s, URIRef) or not str(s).startswith(prefix):
                continue
            label = g.value(s, RDFS.label)
            if label is None:
                continue
            wd = g.value(s, KG.wikidata)
            country = g.value(s, KG.country)
            names = (str(label), *_texts(g, s, SKOS.altLabel))
            actors[str(s)[len(prefix) :]] = RegistryActor(
                slug=str(s)[len(prefix) :],
                label=str(label),
                type=type_name,
                wikidata=str(wd)[len(str(WD)) :] if wd is not None else None,
                names=names,
                metonyms=_texts(g, s, SKOS.hiddenLabel),
                roles=_texts(g, s, KG.role),
                country=str(country)[len(prefix) :] if country is not None else None,
                capitals=_texts(g, s, KG.capital),
                demonyms=_texts(g, s, KG.demonym),
            )
    return Registry(actors=actors)


@cache
def load_registry(path: str | None = None) -> Registry:
    """The registry from *path* (default ``seeds/actors.ttl``), parsed once per process.

    >>> load_registry() is load_registry()
    True
    """
    return read_registry(Path(path) if path else data_dir("seeds") / "actors.ttl")


def iri_for(label: str, registry_actor: RegistryActor | None = None) -> str:
    """The IRI of an actor: the registry IRI when known, else minted by :func:`actor_iri` from *label*."""
    return registry_actor.iri if registry_actor else actor_iri(label)
