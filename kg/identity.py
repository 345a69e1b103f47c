"""Stable identities: the IRIs of articles, of what was extracted from them, and of text-found actors.

The rules are those of docs/model.md ("Decisions shared by every issue"):

- an article's ``<key>`` is the first 16 hex digits of SHA-256 over its **canonical URL** (scheme and host
  lower-cased, fragment and ``utm_*`` parameters dropped, trailing slash kept), else over its **normalised
  text** (NFC, whitespace runs folded to one space, stripped);
- an extracted node is ``kgd:<key>/<k>-<h>``: ``<k>`` its kind (``s`` statement, ``m`` meeting, ``p``
  prediction, ``o`` reported outcome, ``n`` mention), ``<h>`` the first 12 hex digits of SHA-256 over
  ``"<k>\\x1f" + norm(words)``; offsets, speaker, rule and record ids never enter the hash, so a paragraph
  added above or a better extractor keeps the IRI; repeats of the same words get ``-2``, ``-3`` … in text order;
- an actor found only in the text is ``kga:<type>/<slug>`` (``kga:person/jane-doe``).

>>> canonical_url("HTTPS://Example.ORG/a/?utm_source=x&id=3#top")
'https://example.org/a/?id=3'
>>> norm_words("  The Summit, will be HELD! ")
'the summit will be held'
>>> node_hash("s", "The summit will be held.") == node_hash("s", "the summit  will be held")
True
>>> mint = NodeMinter("https://w3id.org/kg/id/article/0123456789abcdef")
>>> a, b = mint("s", "Yes."), mint("s", "yes")
>>> b == a + "-2"
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kg.extract.slugs import slug
from kg.namespaces import ACTOR, ARTICLE, GRAPH

NodeKind = Literal["s", "m", "p", "o", "n"]

_WS = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]|_")


def canonical_url(url: str) -> str:
    """The URL that names an article: scheme and host lower-cased, fragment and ``utm_*`` parameters dropped.

    >>> canonical_url("http://News.example.com/story/")
    'http://news.example.com/story/'
    """
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), ""))


def normalised_text(text: str) -> str:
    """NFC, whitespace runs folded to one space, stripped: the text that names an article without a URL."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_key(*, url: str | None, text: str) -> str:
    """16 hex digits naming an article: from its canonical URL, else from its normalised text.

    >>> article_key(url="https://example.org/a#x", text="") == article_key(url="https://EXAMPLE.org/a", text="b")
    True
    >>> article_key(url=None, text="A  b\\n") == article_key(url=None, text="A b")
    True
    """
    basis = canonical_url(url) if url and url.strip() else normalised_text(text)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def article_iri(key: str) -> str:
    """``kgd:<key>``."""
    return f"{ARTICLE}{key}"


def article_graph(key: str) -> str:
    """``kgg:article/<key>``: the named graph of one article."""
    return f"{GRAPH}article/{key}"


def norm_words(words: str) -> str:
    """Lower-cased NFKC words with every character that is not a letter or digit dropped, whitespace folded."""
    text = _NOT_WORD.sub("", unicodedata.normalize("NFKC", words).lower())
    return _WS.sub(" ", text).strip()


def node_hash(kind: NodeKind, words: str) -> str:
    """The 12 hex digits naming a node of *kind* with these words."""
    return hashlib.sha256(f"{kind}\x1f{norm_words(words)}".encode()).hexdigest()[:12]


class NodeMinter:
    """Mints the IRIs of one article's extracted nodes; call it in text order so repeats number in order."""

    def __init__(self, article: str) -> None:
        self.article = article
        self._seen: Counter[str] = Counter()

    def __call__(self, kind: NodeKind, words: str) -> str:
        local = f"{kind}-{node_hash(kind, words)}"
        self._seen[local] += 1
        n = self._seen[local]
        return f"{self.article}/{local}" if n == 1 else f"{self.article}/{local}-{n}"


_ACTOR_TYPES = {"Person": "person", "Organization": "organization", "Country": "country"}


def text_actor_iri(label: str, actor_type: str) -> str:
    """``kga:<type>/<slug>``: the IRI of an actor found only in the text.

    >>> text_actor_iri("Jane Doe", "Person")
    'https://w3id.org/kg/id/actor/person/jane-doe'
    """
    return f"{ACTOR}{_ACTOR_TYPES.get(actor_type, 'organization')}/{slug(label) or 'unnamed'}"
