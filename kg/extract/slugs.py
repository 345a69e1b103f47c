"""The one rule that turns an actor name into its slug and IRI, shared by registry and text-found actors.

A registry entry and an actor found only in text get the same IRI when their normalised labels agree, so a
later registry entry with that slug names the same node.

>>> slug("Ngozi Okonjo-Iweala")
'ngozi-okonjo-iweala'
>>> slug("OPEC+")
'opec-plus'
>>> actor_iri("Workers' Party of Korea")
'https://w3id.org/kg/id/actor/workers-party-of-korea'
"""

from __future__ import annotations

import re
import unicodedata

from kg.namespaces import ACTOR

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’‘`]")


def slug(label: str) -> str:
    """Lowercase ASCII words of *label* joined by hyphens (accents dropped, ``+`` spelt ``plus``)."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = _APOSTROPHES.sub("", text.replace("+", " plus ")).lower()
    return _NON_ALNUM.sub("-", text).strip("-")


def actor_iri(label: str) -> str:
    """The actor IRI ``https://w3id.org/kg/id/actor/<slug>`` minted from *label*."""
    return f"{ACTOR}{slug(label)}"
