"""Reading article inputs: front matter, sidecars, precedence, HTML, records JSON and every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import articles
from kg.articles import Metadata, article_files, read_article
from kg.errors import InputError, RecordsError
from kg.records import ArticleRecord, Records

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"

FRONT = """---
url: https://example.org/news/talks
title: "Talks resume in Geneva"
outlet: Example News
author: Jo Writer
published: March 5, 2024
---
Talks resumed on Tuesday.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8", newline="")
    return p


def read_text(path: Path, meta: Metadata | None = None) -> ArticleRecord:
    a = read_article(path, meta)
    assert isinstance(a, ArticleRecord)
    return a


# -- text and front matter ----------------------------------------------------------------------------------


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    body = "  Headline\n\nHome | World\nThe minister said on Monday…  \r\n"
    a = read_text(write(tmp_path, "a.txt", body))
    assert a.text == body
    assert (a.title, a.published, a.url) == (None, None, None)


def test_front_matter_gives_metadata_and_body_exactly(tmp_path: Path) -> None:
    a = read_text(write(tmp_path, "a.md", FRONT))
    assert a.text == "Talks resumed on Tuesday.\n"
    assert a.url == "https://example.org/news/talks"
    assert a.title == "Talks resume in Geneva"  # quotes stripped
    assert (a.outlet, a.author, a.published) == ("Example News", "Jo Writer", "2024-03-05")


def test_front_matter_with_crlf_and_comment(tmp_path: Path) -> None:
    raw = "---\r\n# scraped by hand\r\ntitle: T\r\n\r\nretrieved: 2024-03-05T10:00:00Z\r\n---\r\nBody\r\n"
    a = read_text(write(tmp_path, "a.txt", raw))
    assert (a.title, a.retrieved, a.text) == ("T", "2024-03-05T10:00:00+00:00", "Body\r\n")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2018-08-27", "2018-08-27"),
        ("August 27, 2018", "2018-08-27"),
        ("2018-08-27T10:00:00Z", "2018-08-27"),
        ("27 Aug 2018", "2018-08-27"),
        ("Monday, Aug. 27, 2018", "2018-08-27"),
    ],
)
def test_published_is_normalised(tmp_path: Path, value: str, iso: str) -> None:
    a = read_text(write(tmp_path, "a.txt", f"---\npublished: {value}\n---\nText.\n"))
    assert a.published == iso


def test_seed_reads_with_its_sidecar() -> None:
    seed = SEEDS / "000_4f70852738a6ae05.txt"
    a = read_text(seed)
    assert a.text == seed.read_text(encoding="utf-8")
    assert a.title == "Making Sense of the August Fizzle in the US-North Korea Negotiations"
    assert (a.outlet, a.author, a.published) == ("The Diplomat", "Ankit Panda", "2018-08-27")
    assert a.url and a.url.startswith("https://thediplomat.com/2018/08/")


def test_precedence_cli_over_front_matter_over_sidecar(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "---\ntitle: From front matter\nauthor: Front Author\n---\nText.\n")
    sidecar = {
        "title": "From sidecar",
        "author": "Side Author",
        "outlet": "Side Outlet",
        "published": "2020-01-02",
    }
    write(tmp_path, "a.meta.json", json.dumps(sidecar))
    a = read_text(p, Metadata(author="Cli Author", published="January 3, 2020"))
    assert a.title == "From front matter"
    assert a.author == "Cli Author"
    assert a.outlet == "Side Outlet"
    assert a.published == "2020-01-03"


# -- HTML ---------------------------------------------------------------------------------------------------


def test_html_main_text_and_metadata_through_trafilatura() -> None:
    a = read_text(DATA / "article_page.html")
    assert a.title == "Central bank holds rates, signals cut by summer"
    assert (a.author, a.outlet, a.published) == ("Lena Marsh", "Harbour Herald", "2024-03-14")
    assert a.url == "https://harbourherald.example/economy/2024/03/central-bank-holds-rates"
    assert "Governor Amara Okafor said the board was likely" in a.text
    assert '"We are not there yet, but the direction of travel is clear," Okafor told reporters' in a.text
    for noise in ("Subscribe", "Most read", "All rights reserved", "Privacy"):
        assert noise not in a.text


def test_html_sniffed_from_content_without_extension(tmp_path: Path) -> None:
    p = write(tmp_path, "page", (DATA / "article_page.html").read_text(encoding="utf-8"))
    write(tmp_path, "page.meta.json", json.dumps({"outlet": "Sidecar Outlet"}))
    a = read_text(p, Metadata(title="Given title"))
    assert a.title == "Given title"
    assert a.outlet == "Sidecar Outlet"  # sidecar beats HTML metadata
    assert a.author == "Lena Marsh"
    assert "Bank of Eastmoor" in a.text


def test_html_without_text(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "empty.html",
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
    )
    with pytest.raises(InputError, match="no article text was found"):
        read_article(p)


# -- JSON records -------------------------------------------------------------------------------------------


def test_records_json_round_trips_with_overrides(tmp_path: Path) -> None:
    records = Records(article=ArticleRecord(text="Hello.", title="Old", published="2024-01-01"))
    p = write(tmp_path, "r.json", json.dumps(records.to_dict()))
    got = read_article(p, Metadata(title="New"))
    assert isinstance(got, Records)
    assert got.article.title == "New"
    assert got.article.published == "2024-01-01"
    assert got.article.text == "Hello."


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    p = write(tmp_path, "r.json", '{"article": {"text": "x",}\n}')
    with pytest.raises(InputError, match=r"r\.json is not valid JSON \(line 1 column 26: "):
        read_article(p)


def test_json_without_article(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no 'article' key"):
        read_article(write(tmp_path, "r.json", '{"text": "x"}'))


def test_records_json_breaking_the_contract_names_the_file(tmp_path: Path) -> None:
    p = write(tmp_path, "r.json", json.dumps({"article": {"text": "x", "titel": "typo"}}))
    with pytest.raises(RecordsError, match=r"r\.json: .*unknown field\(s\) titel"):
        read_article(p)


# -- bad input ----------------------------------------------------------------------------------------------


def message(path: Path, meta: Metadata | None = None) -> str:
    with pytest.raises(InputError) as info:
        read_article(path, meta)
    return str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    assert "nope.txt does not exist" in message(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in message(tmp_path)


@pytest.mark.parametrize("content", ["", "  \n\t\n"])
def test_empty(tmp_path: Path, content: str) -> None:
    assert "is empty" in message(write(tmp_path, "a.txt", content))


def test_only_front_matter(tmp_path: Path) -> None:
    assert "front matter but no article text" in message(write(tmp_path, "a.txt", "---\ntitle: T\n---\n\n"))


def test_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "binary file" in message(write(tmp_path, "a.txt", png))


def test_mostly_control_bytes_is_binary(tmp_path: Path) -> None:
    assert "binary file" in message(write(tmp_path, "a.txt", b"\x01\x02\x03\x04abc\x05\x06\x07"))


def test_not_utf8_suggests_iconv(tmp_path: Path) -> None:
    msg = message(write(tmp_path, "a.txt", "Le ministre a déclaré".encode("latin-1")))
    assert "is not UTF-8 text (byte 0xe9" in msg
    assert "iconv -f latin1 -t utf-8" in msg


def test_utf16(tmp_path: Path) -> None:
    assert "UTF-16" in message(write(tmp_path, "a.txt", "Hello".encode("utf-16")))


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "MAX_BYTES", 10)
    assert "larger than the" in message(write(tmp_path, "a.txt", "x" * 11))


def test_front_matter_never_closed(tmp_path: Path) -> None:
    assert "never closed" in message(write(tmp_path, "a.txt", "---\ntitle: T\nText.\n"))


def test_front_matter_line_without_colon(tmp_path: Path) -> None:
    msg = message(write(tmp_path, "a.txt", "---\ntitle: T\njust words\n---\nText.\n"))
    assert "front matter line 3 is not 'key: value'" in msg


def test_front_matter_unknown_key(tmp_path: Path) -> None:
    assert "unknown key 'publisher'" in message(write(tmp_path, "a.txt", "---\npublisher: X\n---\nText.\n"))


def test_bad_published_date_is_named(tmp_path: Path) -> None:
    msg = message(write(tmp_path, "a.txt", "---\npublished: soonish\n---\nText.\n"))
    assert "published date 'soonish' is not a date" in msg


def test_bad_given_date_is_named(tmp_path: Path) -> None:
    assert "'2024-13-45' is not a date" in message(
        write(tmp_path, "a.txt", "Text."), Metadata(published="2024-13-45")
    )


def test_bad_sidecar(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "Text.")
    write(tmp_path, "a.meta.json", '{"title": "T", "publised": "2024-01-01"}')
    assert "unknown key(s) publised" in message(p)
    write(tmp_path, "a.meta.json", '{"title": ')
    assert "sidecar" in message(p) and "is not valid JSON" in message(p)


# -- directories --------------------------------------------------------------------------------------------


def test_article_files_skips_sidecars_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ["b.txt", "b.meta.json", "b.expected.json", "a.html", "notes.py", ".hidden.txt", "r.json"]:
        write(tmp_path, name, "x")
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path / "sub", "c.md", "x")
    write(tmp_path / ".git", "d.txt", "x")
    got = [p.relative_to(tmp_path).as_posix() for p in article_files(tmp_path)]
    assert got == ["a.html", "b.txt", "r.json", "sub/c.md"]


def test_article_files_of_a_file_and_of_nothing(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "x")
    assert article_files(p) == [p]
    with pytest.raises(InputError, match="does not exist"):
        article_files(tmp_path / "missing")
