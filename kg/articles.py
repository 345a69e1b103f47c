"""Reading article inputs: plain text (with optional front matter), HTML, and records JSON.

One article file becomes one :class:`~kg.records.ArticleRecord` (text and metadata), or, for a records JSON
document written earlier (``{"article": ...}``), the :class:`~kg.records.Records` it holds.

Metadata comes from four places; the first that gives a field wins:

1. the caller's :class:`Metadata` (the CLI's ``--url --title --outlet --author --published``),
2. front matter at the top of a text file::

       ---
       title: Notes on a Quiet Summer
       published: 2018-08-27
       ---

3. a sidecar ``NAME.meta.json`` next to ``NAME.txt`` (an object with the same keys),
4. the metadata trafilatura finds in an HTML page (title, author, date, site name, canonical URL).

The text of a text file is its body after the front matter as written (extracted spans are offsets into it),
except that HTML tags pasted into it are taken out (:func:`without_tags`): they would hide the words. HTML
pages are reduced to their main text by trafilatura.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     p = Path(d) / "a.txt"
...     _ = p.write_text("---\\ntitle: Talks\\npublished: March 5, 2024\\n---\\nThe talks went on.\\n")
...     a = read_article(p)
>>> (a.title, a.published, a.text)
('Talks', '2024-03-05', 'The talks went on.\\n')
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from kg.errors import InputError, RecordsError
from kg.records import ArticleRecord, Records

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "RDF_SUFFIXES",
    "InputKind",
    "SIDECAR_SUFFIXES",
    "Metadata",
    "article_files",
    "input_kind",
    "iso_date",
    "read_article",
]

MAX_BYTES = 8 * 1024 * 1024
"""Largest article file read, in bytes (HTML pages included; the text extracted has a limit of its own)."""

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json")
"""Suffixes :func:`article_files` picks up in a directory (:func:`read_article` reads any text file)."""

SIDECAR_SUFFIXES = (".meta.json", ".expected.json")
"""Files that describe a neighbouring article rather than being one (metadata, test expectations)."""

_META_KEYS = ("url", "title", "outlet", "author", "published", "retrieved")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")

RDF_SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".owl", ".n3")
"""Extensions of RDF files, which ``kg load`` loads and article readers refuse."""
_CONVERT_HINT = "convert it first, e.g. iconv -f latin1 -t utf-8 FILE > FILE.utf8.txt"
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


@dataclass
class Metadata:
    """Metadata given by the caller; a field set here overrides what the file says.

    ``published`` is a date in any common form ("2018-08-27", "August 27, 2018", "2018-08-27T10:00:00Z");
    it is stored as an ISO date.
    """

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


def read_article(path: str | Path, meta: Metadata | None = None) -> ArticleRecord | Records:
    """Read one article file: text (``.txt``, ``.md``), HTML (``.html``), or records JSON (``.json``).

    The extension decides how a file is read; only a file with another extension or none (and ``-``, standard
    input) is read by what its content looks like. RDF files are refused: they are loaded with ``kg load``.

    Returns an :class:`ArticleRecord` for text and HTML, the :class:`Records` a records JSON document holds
    (with ``meta`` applied to its article).

    Raises:
        InputError: the file is missing, a directory, a device or FIFO, empty, binary, not UTF-8, larger than
            ``MAX_BYTES``, RDF, has malformed front matter or sidecar, is malformed JSON, or gives a date that
            is not a date.
        RecordsError: a records JSON document breaks the records contract.
    """
    path = Path(path)
    _refuse_rdf(path)
    text = _read_text(path)
    overrides = _metadata_fields(meta or Metadata(), "given")
    kind = input_kind(path, text)
    if kind is InputKind.RECORDS:
        return _records(path, text, overrides)

    sidecar = _sidecar(path)
    if kind is InputKind.HTML:
        body, found = _html(path, text, overrides.get("url") or sidecar.get("url"))
        layers = [overrides, sidecar, found]
    else:
        front, body = _front_matter(path, text)
        body = without_tags(body)
        if not body.strip():
            raise InputError(
                f"{path} has front matter but no article text", hint="add the article below the '---'"
            )
        layers = [overrides, front, sidecar]

    merged: dict[str, str] = {}
    for layer in reversed(layers):
        merged.update({k: v for k, v in layer.items() if v})
    return ArticleRecord(text=body, **merged)


class InputKind(StrEnum):
    """How an input file is read."""

    TEXT = "text"
    HTML = "html"
    RECORDS = "records"


_KIND_SUFFIXES = {
    InputKind.TEXT: _TEXT_SUFFIXES,
    InputKind.HTML: _HTML_SUFFIXES,
    InputKind.RECORDS: (".json",),
}


def input_kind(path: Path, text: str) -> InputKind:
    """How to read ``path``: by its extension, else (unknown or no extension) by what ``text`` looks like.

    >>> input_kind(Path("a.txt"), "{not json}"), input_kind(Path("a"), '{"article": {}}')
    (<InputKind.TEXT: 'text'>, <InputKind.RECORDS: 'records'>)
    """
    suffix = path.suffix.lower()
    for kind, suffixes in _KIND_SUFFIXES.items():
        if suffix in suffixes:
            return kind
    if text.lstrip()[:1] == "{":
        return InputKind.RECORDS
    if _looks_like_html(text):
        return InputKind.HTML
    return InputKind.TEXT


def _refuse_rdf(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in RDF_SUFFIXES:
        raise InputError(
            f"{path} is an RDF file ({suffix}), not an article", hint=f"load RDF into the store with 'kg load {path}'"
        )


def article_files(path: Path) -> list[Path]:
    """The article files under ``path`` (sorted, recursive); a file is returned as itself.

    Picks files with one of ``ARTICLE_SUFFIXES``; skips sidecars (``NAME.meta.json``, ``NAME.expected.json``)
    and hidden files and folders (names starting with ``.``).

    Raises:
        InputError: ``path`` does not exist.
    """
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{path} does not exist", hint="check the path")
    found = []
    for p in path.rglob("*"):
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        name = p.name.lower()
        if name.endswith(SIDECAR_SUFFIXES) or not name.endswith(ARTICLE_SUFFIXES):
            continue
        found.append(p)
    return sorted(found)


# -- reading bytes ----------------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    """The file's content as text, or an InputError saying why it is not readable article text."""
    raw = _read_bytes(path)
    if not raw.strip():
        raise InputError(f"{path} is empty", hint="pass a file with the article text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path} is UTF-16 text, not UTF-8", hint="convert it: iconv -f utf-16 -t utf-8")
    sample = raw[:8192]
    if b"\x00" in sample or _control_share(sample) > 0.1:
        raise InputError(
            f"{path} is a binary file, not article text", hint="pass a .txt, .html or .json file"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path} is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start})", hint=_CONVERT_HINT
        ) from None
    return text.removeprefix("\ufeff")


def _read_bytes(path: Path) -> bytes:
    """At most ``MAX_BYTES`` of a regular file (or of standard input for ``-``), read without trusting its size.

    Devices, FIFOs and sockets are refused before they are read: ``/dev/zero`` never ends, a FIFO may never
    be written to.
    """
    if str(path) == "-":
        return _too_large(sys.stdin.buffer.read(MAX_BYTES + 1), "standard input")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path} does not exist", hint="check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not an article file", hint="pass one of the files in it") from None
    except OSError as e:
        raise InputError(f"{path} cannot be read ({e.strerror})", hint="check its permissions") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{path} is a directory, not an article file", hint="pass one of the files in it")
        if not stat.S_ISREG(mode):
            raise InputError(
                f"{path} is not a regular file (a device, FIFO or socket)",
                hint=f"save the article to a file, or pipe it in: kg ingest - < {path}",
            )
        os.set_blocking(fd, True)
        return _capped(fd, str(path))
    finally:
        os.close(fd)


def _capped(fd: int, name: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise InputError(f"{name} cannot be read ({e.strerror})", hint="check the file") from None
    return _too_large(b"".join(chunks), name)


def _too_large(data: bytes, name: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name} is larger than the {MAX_BYTES:,}-byte limit for one article",
            hint="pass the article itself, not an archive or a dump",
        )
    return data


def _control_share(sample: bytes) -> float:
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return controls / len(sample)


# -- metadata -----------------------------------------------------------------------------------------------


def _metadata_fields(meta: Metadata, where: str) -> dict[str, str]:
    values = {f.name: getattr(meta, f.name) for f in fields(meta) if getattr(meta, f.name)}
    return _normalised(values, where)


def _normalised(values: dict[str, Any], where: str) -> dict[str, str]:
    """Strip values, drop empty ones, and turn ``published`` into an ISO date, ``retrieved`` into ISO."""
    out = {k: str(v).strip() for k, v in values.items() if v is not None and str(v).strip()}
    if "published" in out:
        out["published"] = iso_date(out["published"], where=f"{where} published date")
    if "retrieved" in out:
        out["retrieved"] = _iso_datetime(out["retrieved"], where=f"{where} retrieved time")
    return out


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%Y/%m/%d")


def iso_date(value: str, *, where: str = "date") -> str:
    """``value`` as an ISO date (YYYY-MM-DD); raise :class:`InputError` naming it when it is not a date.

    >>> iso_date("August 27, 2018"), iso_date("2018-08-27T10:00:00Z")
    ('2018-08-27', '2018-08-27')
    """
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    parsed = _dateparser(text)
    if parsed is None:
        raise InputError(f"{where} '{value}' is not a date", hint="give an ISO date such as 2018-08-27")
    return parsed.isoformat()


def _dateparser(text: str) -> dt.date | None:
    """Absolute dates in other spellings ("Monday, Aug. 27, 2018"); never relative ones like "yesterday"."""
    if not re.search(r"\d{4}", text):
        return None
    import dateparser  # slow to import: only when the fast paths fail

    settings = {
        "STRICT_PARSING": True,
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _iso_datetime(value: str, *, where: str) -> str:
    try:
        return dt.datetime.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(
            f"{where} '{value}' is not an ISO date-time", hint="give it as 2018-08-27T10:00:00+00:00"
        ) from None


def _sidecar(path: Path) -> dict[str, str]:
    """Metadata from ``NAME.meta.json`` next to ``NAME.EXT``, or nothing when there is none."""
    side = path.with_name(path.stem + ".meta.json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(_read_bytes(side).decode("utf-8"))
    except RecursionError:
        raise InputError(f"sidecar {side} is nested too deeply", hint="give a flat JSON object") from None
    except UnicodeDecodeError:
        raise InputError(f"sidecar {side} is not UTF-8 text", hint=_CONVERT_HINT) from None
    except json.JSONDecodeError as e:
        raise InputError(
            f"sidecar {side} is not valid JSON (line {e.lineno} column {e.colno}: {e.msg})",
            hint="fix it or remove it",
        ) from None
    if not isinstance(data, dict):
        raise InputError(
            f"sidecar {side} must be a JSON object", hint=f"with keys among {', '.join(_META_KEYS)}"
        )
    unknown = sorted(set(data) - set(_META_KEYS))
    if unknown:
        raise InputError(
            f"sidecar {side} has unknown key(s) {', '.join(unknown)}",
            hint=f"use only {', '.join(_META_KEYS)}",
        )
    bad = [k for k, v in data.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise InputError(f"sidecar {side}: {', '.join(bad)} must be text", hint='write it as "key": "value"')
    return _normalised(data, f"sidecar {side}")


_FENCE = re.compile(r"---[ \t]*(\r?\n|$)")
_CLOSING = re.compile(r"^---[ \t]*(\r?\n|\Z)", re.MULTILINE)
_LINE = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _front_matter(path: Path, text: str) -> tuple[dict[str, str], str]:
    """Split ``---`` front matter off ``text``: (its fields, the body exactly as written after it)."""
    opening = _FENCE.match(text)
    if not opening:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError(
            f"{path} front matter opened on line 1 is never closed",
            hint="end it with a line holding only '---'",
        )
    values: dict[str, str] = {}
    for lineno, line in enumerate(text[opening.end() : closing.start()].splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise InputError(
                f"{path} front matter line {lineno} is not 'key: value': {line.strip()!r}",
                hint="write one key: value per line between the '---' lines",
            )
        key, value = m.group(1).lower(), m.group(2)
        if key not in _META_KEYS:
            raise InputError(
                f"{path} front matter line {lineno} has unknown key '{key}'",
                hint=f"use {', '.join(_META_KEYS)}",
            )
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    return _normalised(values, f"{path} front matter"), text[closing.end() :]


# -- HTML and JSON -----------------------------------------------------------------------------------------

_BLOCK_TAGS = "p|div|br|hr|li|ul|ol|h[1-6]|blockquote|figure|figcaption|section|article|header|footer|table|tr|td|th"
_INLINE_TAGS = "a|b|i|u|s|em|strong|span|sup|sub|small|mark|abbr|cite|q|code|font|img|time|del|ins"
_TAG = re.compile(rf"<(/?)(?:({_BLOCK_TAGS})|{_INLINE_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)


def without_tags(text: str) -> str:
    """Text pasted with HTML markup, as the words a reader sees: inline tags dropped, block tags as line breaks.

    Text without such tags is returned as it is (offsets index into what this returns).

    >>> without_tags("<p>Minister <b>Jane Doe</b> said it &amp; more.</p>")
    '\\nMinister Jane Doe said it & more.\\n'
    >>> without_tags("a < b and b > c")
    'a < b and b > c'
    """
    if not _TAG.search(text):
        return text
    return html.unescape(_TAG.sub(lambda m: "\n" if m.group(2) else "", text))


_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def _looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or (head.lstrip().startswith("<") and "<body" in head.lower())


def _html(path: Path, html: str, url: str | None) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page, through trafilatura."""
    import trafilatura  # heavy import, only needed for HTML

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, fast=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(
            f"{path} is HTML but no article text was found in it",
            hint="save the article page itself, or paste its text into a .txt file",
        )
    found = {
        "title": doc.title,  # type: ignore[union-attr]
        "author": doc.author,  # type: ignore[union-attr]
        "outlet": doc.sitename,  # type: ignore[union-attr]
        "url": doc.url,  # type: ignore[union-attr]
        "published": doc.date,  # type: ignore[union-attr]
    }
    try:
        return text, _normalised(found, f"{path} HTML metadata")
    except InputError:  # a date trafilatura could not read is not the user's fault: drop it
        found["published"] = None
        return text, _normalised(found, f"{path} HTML metadata")


def _records(path: Path, text: str, overrides: dict[str, str]) -> Records:
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(f"{path} is JSON nested too deeply", hint="see docs/records.md for the format") from None
    except json.JSONDecodeError as e:
        raise InputError(
            f"{path} is not valid JSON (line {e.lineno} column {e.colno}: {e.msg})",
            hint="fix the JSON syntax",
        ) from None
    if not isinstance(data, dict) or "article" not in data:
        raise InputError(
            f"{path} is JSON but not an article-records document (it has no 'article' key)",
            hint="see docs/records.md for the records format",
        )
    try:
        records = Records.from_dict(data)
    except RecordsError as e:
        raise RecordsError(f"{path}: {e.message}", hint=e.hint or "see docs/records.md") from None
    for key, value in overrides.items():
        setattr(records.article, key, value)
    return records
