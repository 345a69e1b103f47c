"""The actor registry (seeds/actors.ttl) and its loader (kg.extract.registry, kg.extract.slugs)."""

from __future__ import annotations

import pycountry
import pytest

from kg.extract import actor_iri, load_registry, slug
from kg.extract.registry import RegistryActor, short_names


def test_loaded_once() -> None:
    assert load_registry() is load_registry()


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Moon Jae-in", "moon-jae-in"),
        ("OPEC+", "opec-plus"),
        ("Workers' Party of Korea", "workers-party-of-korea"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("  U.S. Treasury ", "u-s-treasury"),
    ],
)
def test_slug(label: str, expected: str) -> None:
    assert slug(label) == expected


def test_actor_iri_matches_registry_iri() -> None:
    reg = load_registry()
    for a in list(reg.actors.values())[:50]:
        assert actor_iri(a.label) == a.iri


def test_every_iri_is_the_slug_of_its_label() -> None:
    for key, a in load_registry().actors.items():
        assert key == slug(a.label), a.label


def test_breadth() -> None:
    reg = load_registry()
    countries = [a for a in reg.actors.values() if a.type == "Country"]
    assert len(countries) >= 190
    names = {n for a in countries for n in a.names}
    missing = [
        c.name
        for c in pycountry.countries
        if getattr(c, "common_name", c.name) not in names
        and c.name not in names
        and len(c.alpha_2) == 2
        and c.alpha_2 in {"US", "CN", "KP", "KR", "RU", "IN"}
    ]
    assert not missing
    for label in [
        "Donald Trump",
        "Xi Jinping",
        "Vladimir Putin",
        "Kim Jong Un",
        "Kim Yong Chol",
        "Moon Jae-in",
        "Mike Pompeo",
        "Steve Biegun",
        "Li Zhanshu",
        "Volodymyr Zelensky",
        "Narendra Modi",
        "Emmanuel Macron",
        "Angela Merkel",
        "Olaf Scholz",
        "Rishi Sunak",
        "Keir Starmer",
        "Benjamin Netanyahu",
        "Mohammed bin Salman",
        "Jerome Powell",
        "Christine Lagarde",
        "Janet Yellen",
        "Andrew Bailey",
        "Kazuo Ueda",
        "Haruhiko Kuroda",
        "Elon Musk",
        "Tim Cook",
        "Sundar Pichai",
        "Satya Nadella",
        "Mark Zuckerberg",
        "Sam Altman",
        "Jensen Huang",
        "United Nations",
        "NATO",
        "European Union",
        "OPEC",
        "OPEC+",
        "Federal Reserve",
        "European Central Bank",
        "International Monetary Fund",
        "World Bank",
        "Reuters",
        "Xinhua",
        "Korean Central News Agency",
    ]:
        assert label in {n for a in reg.actors.values() for n in a.names}, label


def test_country_data() -> None:
    reg = load_registry()
    nk = reg.actors["north-korea"]
    assert nk.wikidata == "Q423" and "Pyongyang" in nk.capitals and "North Korean" in nk.demonyms
    assert "DPRK" in nk.names
    assert reg.country_of_place("Pyongyang") == "north-korea"
    assert reg.country_of_place("Washington") == "united-states"
    assert ("russia", "metonym") in reg.surfaces["Kremlin"]


def test_roles_and_salience() -> None:
    reg = load_registry()
    kju, kyc = reg.actors["kim-jong-un"], reg.actors["kim-yong-chol"]
    assert kju.has_role("Chairman") and not kyc.has_role("Chairman")
    assert kju.salience > kyc.salience
    assert reg.actors["donald-trump"].country == "united-states"


def test_short_names_follow_name_order() -> None:
    assert short_names(RegistryActor("xi-jinping", "Xi Jinping", "Person", country="china")) == ["Xi"]
    assert short_names(RegistryActor("mike-pompeo", "Mike Pompeo", "Person", country="united-states")) == ["Pompeo"]
    assert short_names(RegistryActor("theresa-may", "Theresa May", "Person", country="united-kingdom")) == []


def test_ambiguous_single_words_are_not_aliases() -> None:
    surfaces = load_registry().surfaces
    assert "Ford" not in surfaces and "Total" not in surfaces and "Store" not in surfaces
