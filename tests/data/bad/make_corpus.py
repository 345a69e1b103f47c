"""Write the standing hostile corpus: bad inputs, each with the exit code kg documents for it.

Run from the repository root (``python tests/data/bad/make_corpus.py``) after changing a case; it rewrites
the case files and ``manifest.json``, which tests/test_hostile.py reads. Every text here is written for this
corpus. ``exit`` is the documented code (2 usage, 3 bad input, 1 refused by the shapes); ``expect`` a piece of
the one line kg prints. ``good.json`` is the control: the same document unharmed, which must be stored.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

TEXT = (
    "Trade Minister Maria Lopez said on Monday that the two countries will likely sign a trade deal by March. "
    "Lopez met Omar Haddad in Geneva last week for talks on tariffs.\n"
)


def _span(words: str) -> dict[str, Any]:
    start = TEXT.index(words)
    return {"start": start, "end": start + len(words), "text": words}


CLAIM = "the two countries will likely sign a trade deal by March"
TALKS = "Lopez met Omar Haddad in Geneva last week for talks on tariffs"

GOOD: dict[str, Any] = {
    "format_version": 1,
    "extractor": "hand",
    "article": {
        "text": TEXT, "url": "https://example.org/news/trade-deal-talks", "title": "Trade deal talks",
        "outlet": "Example News", "author": "Jane Writer", "published": "2024-01-10",
    },
    "actors": [
        {"id": "a1", "label": "Maria Lopez", "type": "Person", "mentions": [_span("Maria Lopez")],
         "rule": "hand", "confidence": 1.0},
        {"id": "a2", "label": "Omar Haddad", "type": "Person", "mentions": [_span("Omar Haddad")],
         "rule": "hand", "confidence": 1.0},
    ],
    "statements": [
        {"id": "s1", "speaker": "a1", "text": CLAIM, "kind": "reported", "span": _span(CLAIM),
         "date": "2024-01-08", "rule": "hand", "confidence": 0.9},
    ],
    "meetings": [
        {"id": "m1", "kind": "talks", "participants": ["a1", "a2"], "status": "held", "place": "Geneva",
         "start": "2024-01-01", "end": "2024-01-07", "span": _span(TALKS), "rule": "hand", "confidence": 0.8},
    ],
    "predictions": [
        {"id": "p1", "predictor": "a1", "text": CLAIM, "span": _span(CLAIM), "hedge": "likely",
         "probability": 0.7, "probability_interval": [0.55, 0.8], "deadline": "2024-03-31",
         "polarity": "positive", "statement": "s1", "rule": "hand", "confidence": 0.7},
    ],
}

INF = "__INF__"  # written as the JSON number 1e400, which Python reads as infinity
NAN = "__NAN__"  # written as NaN, which Python's json accepts

# (path into the document, bad values): every value breaks the records contract (docs/records.md)
MUTATIONS: list[tuple[str, list[Any]]] = [
    ("article.text", [123, None, [], {}, True]),
    ("article.url", [123, [], {}]),
    ("article.title", [5, ["a"]]),
    ("article.outlet", [7]),
    ("article.author", [{"name": "x"}]),
    ("article.published", ["yesterday", "2018-02-30", "802018-01-01", 20180904, "2018-9-4", "2018-13-01"]),
    ("article.retrieved", ["not a time", 5]),
    ("article.content_hash", [5]),
    ("actors.0.id", [5, None]),
    ("actors.0.label", [None, 5]),
    ("actors.0.type", ["Robot", "person", None, 3]),
    ("actors.0.wikidata", [5]),
    ("actors.0.iri", [5]),
    ("actors.0.mentions", ["x", [5], [{"start": 0}], [{"start": -1, "end": 2, "text": "Tr"}],
                           [{"start": "0", "end": 5, "text": "Trade"}], [{"start": 0.0, "end": 5, "text": "Trade"}],
                           [{"start": 0, "end": 5, "text": "Other"}], [{"start": 0, "end": 99999, "text": "x"}],
                           [{"start": 10**40, "end": 10**40 + 1, "text": "x"}],
                           [{"start": INF, "end": 5, "text": "x"}]]),
    ("actors.0.rule", [5]),
    ("actors.0.confidence", ["1", 2.0, -0.5, NAN, INF, True]),
    ("statements.0.speaker", ["a9", 5]),
    ("statements.0.text", [5, None]),
    ("statements.0.kind", ["rumour", None]),
    ("statements.0.span", [None, "x", {"start": 0, "end": 4}, {"start": 4, "end": 0, "text": ""}]),
    ("statements.0.date", ["2024-13-01", "Monday"]),
    ("statements.0.medium", [5]),
    ("statements.0.confidence", ["0.5", INF]),
    ("meetings.0.kind", ["party", None]),
    ("meetings.0.participants", ["a1", ["a9"], [5], None]),
    ("meetings.0.status", ["maybe"]),
    ("meetings.0.host", ["a9"]),
    ("meetings.0.place", [5]),
    ("meetings.0.start", ["2024-1", "2024-02-30", 2024]),
    ("meetings.0.end", ["soon"]),
    ("predictions.0.predictor", ["a9", None, 5]),
    ("predictions.0.probability", ["0.5", 1.5, -0.1, INF, NAN, True]),
    ("predictions.0.probability_interval", [[0.9, 0.1], [0.1], "0.1-0.9", [0.1, "0.9"], [0.8, 0.9], [-1, 2]]),
    ("predictions.0.deadline", ["next year", "2024-02-30", "99999-01-01"]),
    ("predictions.0.polarity", ["maybe"]),
    ("predictions.0.event", ["m9"]),
    ("predictions.0.statement", ["s9"]),
    ("predictions.0.made", ["x"]),
    ("predictions.0.hedge", [5]),
    ("extractor", [5]),
    ("format_version", ["1"]),
    ("actors", [{}, "x"]),
    ("statements", ["x", 5]),
    ("meetings", [{"id": "m1"}]),
    ("predictions", [[5]]),
    ("article", [[], "x", None]),
]

# records documents broken in their structure rather than one field
STRUCTURE: dict[str, Any] = {
    "unknown-article-field": ("article.surprise", 1),
    "unknown-actor-field": ("actors.0.surprise", 1),
    "unknown-statement-field": ("statements.0.surprise", 1),
    "unknown-meeting-field": ("meetings.0.surprise", 1),
    "unknown-prediction-field": ("predictions.0.surprise", 1),
    "duplicate-id-statement-as-actor": ("statements.0.id", "a1"),
    "duplicate-actor-id": ("actors.1.id", "a1"),
    "duplicate-id-prediction-as-meeting": ("predictions.0.id", "m1"),
}

# JSON texts that are not a records document at all
RAW_JSON: dict[str, tuple[bytes, str]] = {
    "array": (b"[]", "not an article-records document"),
    "number": (b"42", "not an article-records document"),
    "string": (b'"article"', "not an article-records document"),
    "null": (b"null", "not an article-records document"),
    "no-article": (b'{"actors": []}', "no 'article' key"),
    "truncated": (json.dumps(GOOD).encode()[:300], "not valid JSON"),
    "trailing-garbage": (json.dumps(GOOD).encode() + b" }{", "not valid JSON"),
    "single-quotes": (b"{'article': {'text': 'x'}}", "not valid JSON"),
    "deep-array": (b'{"article": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", "nested too deeply"),
    "deep-object": (b'{"article": ' + b'{"a":' * 20_000 + b"1" + b"}" * 20_000 + b"}", "nested too deeply"),
    "deep-title": (b'{"article": {"text": "x", "title": ' + b"[" * 5000 + b"]" * 5000 + b"}}", "nested too deeply"),
    "utf16": ('{"article": {"text": "x"}}'.encode("utf-16"), "UTF-16"),
    "latin1-string": ('{"article": {"text": "caf\u00e9"}}'.encode("latin-1"), "not UTF-8"),
    "nul-bytes": (b'{"article": {"text": "a\x00b"}}' + b"\x00" * 20, "binary"),
    "empty": (b"", "empty"),
    "whitespace": (b" \n\t\n", "empty"),
}

# files of every other kind a user may hand to 'kg ingest' by mistake
FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "spaces.txt": (b"   \n\n  \t\n", "empty"),
    "nul.txt": (b"\x00" * 64, "binary"),
    "png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    "gzip.txt": (b"\x1f\x8b\x08\x00" + bytes(200), "binary"),
    "elf.md": (b"\x7fELF\x02\x01\x01" + bytes(300), "binary"),
    "controls.txt": (bytes(range(1, 9)) * 50, "binary"),
    "utf16le.txt": ("The talks went on.".encode("utf-16-le").join([b"\xff\xfe", b""]), "UTF-16"),
    "utf16be.txt": (b"\xfe\xff" + "The talks went on.".encode("utf-16-be"), "UTF-16"),
    "latin1.txt": ("Le ministre a parl\u00e9 de la r\u00e9forme.".encode("latin-1"), "not UTF-8"),
    "cp1252-quotes.txt": (b"She said \x93we will win\x94 on Monday.", "not UTF-8"),
    "broken-utf8.txt": (b"Talks \xc3\x28 ended.", "not UTF-8"),
    "overlong-utf8.txt": (b"Talks \xc0\xaf ended.", "not UTF-8"),
    "surrogate-utf8.txt": (b"Talks \xed\xa0\x80 ended.", "not UTF-8"),
    "unclosed-front-matter.txt": (b"---\ntitle: Talks\nThe talks went on.\n", "never closed"),
    "front-matter-bad-line.txt": (b"---\ntitle Talks\n---\nThe talks went on.\n", "is not 'key: value'"),
    "front-matter-unknown-key.txt": (b"---\nheadline: Talks\n---\nThe talks went on.\n", "unknown key"),
    "front-matter-bad-date.txt": (b"---\npublished: next Tuesday\n---\nThe talks went on.\n", "is not a date"),
    "front-matter-impossible-date.txt": (b"---\npublished: 2018-02-30\n---\nThe talks went on.\n", "not a date"),
    "front-matter-bad-retrieved.txt": (b"---\nretrieved: noonish\n---\nThe talks went on.\n", "date-time"),
    "front-matter-only.txt": (b"---\ntitle: Talks\n---\n\n", "no article text"),
    "front-matter-only.md": (b"---\ntitle: Talks\n---\n   \n", "no article text"),
    "tags-only.txt": (b"<p></p><br/><div> </div>\n", "no article text"),
    "braces.json": (b"{ this is not json }", "not valid JSON"),
    "text.json": (b"The talks went on.", "not valid JSON"),
    "list.json": (b'[{"article": {}}]', "not an article-records document"),
    "records-without-article.json": (b'{"statements": []}', "no 'article' key"),
}

# sidecars (NAME.meta.json next to NAME.txt) that are wrong: the article is refused, not half-read
SIDECARS: dict[str, tuple[bytes, str]] = {
    "bad-json": (b"{ url: x }", "not valid JSON"),
    "not-object": (b'["x"]', "must be a JSON object"),
    "unknown-key": (b'{"headline": "x"}', "unknown key"),
    "number-value": (b'{"title": 5}', "must be text"),
    "bad-date": (b'{"published": "someday"}', "is not a date"),
    "latin1": ('{"title": "caf\u00e9"}'.encode("latin-1"), "not UTF-8"),
    "deep": (b"[" * 20_000 + b"]" * 20_000, "nested too deeply"),
}

HTML: dict[str, bytes] = {
    "empty.html": b"<!DOCTYPE html><html><head><title>t</title></head><body></body></html>",
    "script-only.html": b"<html><body><script>var talks = 'went on';</script></body></html>",
    "style-only.html": b"<html><head><style>p { color: red }</style></head><body></body></html>",
    "comment-only.html": b"<html><body><!-- The talks went on. --></body></html>",
    "frameset.htm": b"<html><frameset><frame src='a.html'></frameset></html>",
    "head-only.xhtml": b"<html xmlns='http://www.w3.org/1999/xhtml'><head><title>x</title></head></html>",
    "blank.html": b"<html>\n\n</html>",
    "tags.html": b"<div><span></span></div>",
    "latin1.html": "<html><body><p>Le ministre a parl\u00e9.</p></body></html>".encode("latin-1"),
    "binary.html": b"<html>\x00\x00\x00\x00" + bytes(100),
    "utf16.html": "<html><body><p>The talks.</p></body></html>".encode("utf-16"),
    "empty-file.html": b"",
}
HTML_EXPECT = {"latin1.html": "not UTF-8", "binary.html": "binary", "utf16.html": "UTF-16", "empty-file.html": "empty"}

RDF: dict[str, bytes] = {
    "a.ttl": b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c .\n",
    "b.ttl": b"this is not turtle at all\n",
    "a.nt": b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n",
    "b.nt": b"<broken\n",
    "a.nq": b"<http://e.org/a> <http://e.org/b> <http://e.org/c> <http://e.org/g> .\n",
    "b.nq": b"",
    "a.trig": b"@prefix ex: <http://example.org/> . ex:g { ex:a ex:b ex:c }\n",
    "b.trig": b"{ unclosed\n",
    "a.jsonld": b'{"@id": "http://example.org/a", "http://example.org/b": "c"}',
    "b.jsonld": b'{"article": {"text": "looks like records but is JSON-LD by name"}}',
    "a.rdf": b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>",
    "b.rdf": b"The talks went on.\n",
    "a.owl": b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>",
    "b.owl": b"\x00\x01",
    "a.n3": b"@prefix ex: <http://example.org/> . { ex:a ex:b ex:c } => { ex:a ex:d ex:e } .\n",
    "b.N3": b"The talks went on.\n",
}

# SPARQL for 'kg query --file': malformed, or asking for what a read-only query must not do
SPARQL: dict[str, tuple[bytes, str]] = {
    "empty.rq": (b"", ""),
    "comment-only.rq": (b"# nothing here\n", ""),
    "garbage.rq": (b"SELEKT ?s WHERE { ?s ?p ?o }", ""),
    "unclosed-brace.rq": (b"SELECT ?s WHERE { ?s ?p ?o", ""),
    "unknown-prefix.rq": (b"SELECT ?s WHERE { ?s nope:p ?o }", ""),
    "bad-iri.rq": (b"SELECT ?s WHERE { ?s <http://exa mple.org/p> ?o }", ""),
    "insert-data.rq": (b"INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }", ""),
    "delete-data.rq": (b"DELETE DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }", ""),
    "delete-where.rq": (b"DELETE WHERE { ?s ?p ?o }", ""),
    "clear-all.rq": (b"CLEAR ALL", ""),
    "drop-all.rq": (b"DROP ALL", ""),
    "drop-default.rq": (b"DROP DEFAULT", ""),
    "create-graph.rq": (b"CREATE GRAPH <http://e.org/g>", ""),
    "load.rq": (b"LOAD <http://127.0.0.1:9/x.ttl>", ""),
    "copy.rq": (b"COPY DEFAULT TO <http://e.org/g>", ""),
    "move.rq": (b"MOVE DEFAULT TO <http://e.org/g>", ""),
    "add.rq": (b"ADD DEFAULT TO <http://e.org/g>", ""),
    "modify.rq": (b"WITH <http://e.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ""),
    "update-after-select.rq": (b"SELECT * WHERE { ?s ?p ?o } ; DROP ALL", ""),
    "two-queries.rq": (b"SELECT * WHERE { ?s ?p ?o } SELECT * WHERE { ?s ?p ?o }", ""),
    "latin1.rq": ("SELECT * WHERE { ?s ?p \"caf\u00e9\" }".encode("latin-1"), ""),
    "binary.rq": (bytes(range(256)), ""),
    "dangling-order.rq": (b"SELECT ?s WHERE { ?s ?p ?o } ORDER", ""),
    "bad-limit.rq": (b"SELECT * WHERE { ?s ?p ?o } LIMIT -1", ""),
    "bad-filter.rq": (b"SELECT * WHERE { ?s ?p ?o FILTER( }", ""),
    "bad-literal.rq": (b'SELECT * WHERE { ?s ?p "unclosed }', ""),
}


def _set(doc: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node: Any = doc
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value


def _dump(doc: Any) -> bytes:
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    return text.replace(f'"{INF}"', "1e400").replace(f'"{NAN}"', "NaN").encode("utf-8")


def _label(value: Any) -> str:
    if value is None:
        return "null"
    if value in (INF, NAN):
        return {INF: "1e400", NAN: "nan"}[value]
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return "num" if abs(value) < 1e6 else "bignum"
    if isinstance(value, str):
        return "str-" + "".join(c if c.isalnum() else "-" for c in value)[:16]
    return type(value).__name__


def main() -> None:
    cases: list[dict[str, Any]] = []
    for sub in ("files", "records", "html", "rdf", "queryfiles", "sidecars"):
        shutil.rmtree(HERE / sub, ignore_errors=True)
        (HERE / sub).mkdir()

    def add(sub: str, name: str, data: bytes, *, exit: int = 3, expect: str = "", command: str = "ingest") -> None:
        (HERE / sub / name).write_bytes(data)
        cases.append({"file": f"{sub}/{name}", "command": command, "exit": exit, "expect": expect})

    (HERE / "good.json").write_bytes(_dump(GOOD))
    for name, (data, expect) in FILES.items():
        add("files", name, data, expect=expect)
    for name, (data, expect) in RAW_JSON.items():
        add("records", f"raw-{name}.json", data, expect=expect)
    for path, values in MUTATIONS:
        for i, value in enumerate(values):
            doc = copy.deepcopy(GOOD)
            _set(doc, path, value)
            add("records", f"{path.replace('.', '-')}-{i}-{_label(value)}.json", _dump(doc), expect="")
    for name, (path, value) in STRUCTURE.items():
        doc = copy.deepcopy(GOOD)
        _set(doc, path, value)
        add("records", f"{name}.json", _dump(doc), expect="")
    for name, data in HTML.items():
        add("html", name, data, expect=HTML_EXPECT.get(name, "no article text"))
    for name, data in RDF.items():
        add("rdf", name, data, expect="kg load")
    for name, (data, expect) in SIDECARS.items():
        (HERE / "sidecars" / f"{name}.meta.json").write_bytes(data)
        add("sidecars", f"{name}.txt", b"The talks went on in Geneva on Monday.\n", expect=expect)
    for name, (data, expect) in SPARQL.items():
        add("queryfiles", name, data, expect=expect, command="query")
    # a prediction whose deadline comes before the day it was made: the records are well formed, the shapes
    # refuse the graph (exit 1)
    doc = copy.deepcopy(GOOD)
    _set(doc, "predictions.0.deadline", "2023-01-01")
    add("records", "shape-deadline-before-made.json", _dump(doc), exit=1, expect="shape violation")
    doc = copy.deepcopy(GOOD)
    _set(doc, "meetings.0.end", "2023-12-01")
    add("records", "shape-meeting-ends-before-start.json", _dump(doc), exit=1, expect="shape violation")
    (HERE / "manifest.json").write_text(json.dumps(cases, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
