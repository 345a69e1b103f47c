"""Regressions of issue 11 (input, ingest, output): each test is one reproduction, in our own words.

One bad article must not lose the others; whatever a user hands kg ends with one line and a documented exit
code; output goes to regular files only; a mistyped store path is never created.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.ingest import MAX_TEXT_CHARS, ingest
from kg.store import MemoryStore, open_store

BAD = Path(__file__).parent / "data" / "bad"
runner = CliRunner()


def kg(*args: str, input: str | None = None) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args), input=input)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.stderr
    return r.exit_code, r.stdout, r.stderr


def kg_process(*args: str, stdout: int | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """kg in a process of its own: for what only a real process shows (stdout on a device, a FIFO)."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, timeout=timeout,
    )


def articles(store: Path) -> set[str]:
    s = open_store(store, read_only=True)
    try:
        return {g for g in s.graph_names() if "/graph/article/" in g}
    finally:
        s.close()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- one article's failure stays its own ----------------------------------------------------------------------


def test_a_failing_article_does_not_lose_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        write(folder, f"a{i}.txt", f"---\npublished: 2018-09-0{i + 1}\n---\nTalks number {i} were held in Oslo.\n")
    # a date that runs past the year 9999 once the extractor computes it
    write(folder, "star.txt", "---\npublished: 2018-09-04\n---\nThe star will explode within 800000 years.\n")
    write(folder, "broken.json", '{"article": {"text": 123}}')
    store = tmp_path / "store"
    code, out, err = kg("ingest", str(folder), "--store", str(store))
    assert code == 3
    assert len(articles(store)) == 4  # the three good ones and the star: a date past the calendar is no date
    assert "broken.json" in err and "article.text must be a text" in err
    assert all(line.startswith("kg: ") for line in err.strip().splitlines())
    assert err.strip().splitlines()[-1].endswith("failed")  # the summary: N stored, M refused, K failed


def test_every_failure_is_reported_past_a_batch(tmp_path: Path) -> None:
    good = json.loads((BAD / "good.json").read_text(encoding="utf-8"))
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(55):
        doc = json.loads(json.dumps(good))
        doc["article"]["url"] = f"https://example.org/news/{i}"
        name = f"{i:03d}.json"
        if i == 52:  # in the second batch
            doc["predictions"][0]["probability"] = "0.5"
        write(folder, name, json.dumps(doc))
    result = ingest(MemoryStore(), [folder])
    assert len(result.ingested) == 54
    assert [o.path for o in result.failed] == [str(folder / "052.json")]
    assert "probability must be a finite number" in (result.failed[0].message or "")


def test_failures_stay_their_own_in_worker_processes(tmp_path: Path) -> None:
    good = json.loads((BAD / "good.json").read_text(encoding="utf-8"))
    paths = []
    for i in range(4):
        doc = json.loads(json.dumps(good))
        doc["article"]["url"] = f"https://example.org/workers/{i}"
        paths.append(write(tmp_path, f"{i}.json", json.dumps(doc)))
    paths.insert(2, write(tmp_path, "bad.json", '{"article": {"text": "x", "published": 20180904}}'))
    result = ingest(MemoryStore(), paths, workers=2)
    assert [o.status for o in result.outcomes] == ["ingested", "ingested", "failed", "ingested", "ingested"]


def test_an_internal_error_is_one_outcome_not_a_crash(tmp_path: Path) -> None:
    # a records document deep enough to break the JSON parser's recursion (RecursionError, not a KgError)
    deep = write(tmp_path, "deep.json", '{"article": ' + "[" * 50_000 + "]" * 50_000 + "}")
    good = write(tmp_path, "good.json", (BAD / "good.json").read_text(encoding="utf-8"))
    result = ingest(MemoryStore(), [deep, good])
    assert [o.status for o in result.outcomes] == ["failed", "ingested"]


def test_extraction_time_is_limited(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Finance Minister Jane Doe said prices will rise in March.\n" * 200)
    result = ingest(MemoryStore(), [path], time_limit_s=0.001)
    assert result.failed and "took longer than" in (result.failed[0].message or "")


def test_text_longer_than_the_extraction_limit_is_refused_fast(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "The talks went on. " * (MAX_TEXT_CHARS // 19 + 10))
    code, out, err = kg("ingest", str(path), "--store", str(tmp_path / "store"))
    assert code == 3 and "more than the" in err
    assert not (tmp_path / "store" / "CURRENT").exists() or not articles(tmp_path / "store")


# -- articles without metadata, and how a file is read --------------------------------------------------------


def test_article_without_author_metadata_is_stored(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "The summit will be held next week.\n")
    store = tmp_path / "store"
    code, out, err = kg("ingest", str(path), "--store", str(store))
    assert code == 0, err
    s = open_store(store, read_only=True)
    try:
        rows = list(s.query("SELECT ?who WHERE { ?p a kg:Prediction ; kg:predictor ?who . ?who a kg:Article }"))
    finally:
        s.close()
    assert rows  # the prediction is credited to the article itself


def test_text_file_starting_with_a_brace_is_text(tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", "{Draft} The talks in Oslo were held on Monday.\n")
    code, out, err = kg("extract", str(path))
    assert code == 0, err
    assert json.loads(out)["article"]["text"].startswith("{Draft}")


def test_file_without_extension_is_read_by_content(tmp_path: Path) -> None:
    path = write(tmp_path, "records", (BAD / "good.json").read_text(encoding="utf-8"))
    code, out, err = kg("extract", str(path))
    assert code == 0, err
    assert json.loads(out)["extractor"] == "hand"


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".owl", ".n3"])
def test_rdf_files_are_pointed_to_kg_load(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, f"data{suffix}", "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n")
    code, out, err = kg("ingest", str(path), "--store", str(tmp_path / "store"))
    assert code == 3 and "kg load" in err


def test_inline_tags_do_not_hide_the_speaker(tmp_path: Path) -> None:
    plain = write(tmp_path, "plain.txt", "Finance Minister Jane Doe said prices will rise in March.\n")
    tagged = write(tmp_path, "tagged.txt", "<p>Finance Minister <b>Jane Doe</b> said prices will rise in March.</p>\n")
    found = []
    for path in (plain, tagged):
        code, out, err = kg("extract", str(path))
        assert code == 0, err
        found.append([a["label"] for a in json.loads(out)["actors"]])
    assert found[1] == found[0] != []


def test_stdin_is_read_with_the_dash(tmp_path: Path) -> None:
    code, out, err = kg("extract", "-", input="The summit will be held next week.\n")
    assert code == 0, err
    assert json.loads(out)["predictions"]


# -- inputs that are not regular files ------------------------------------------------------------------------


def test_device_node_is_refused_without_reading_it(tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"
    try:
        os.mknod(zero, 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # a copy of /dev/zero, in the test's folder
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")
    code, out, err = kg("ingest", str(zero), "--store", str(tmp_path / "store"))
    assert code == 3 and "not a regular file" in err


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = kg_process("ingest", str(fifo), "--store", str(tmp_path / "store"), timeout=60)
    assert done.returncode == 3 and "not a regular file" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_oversized_file_is_refused_without_trusting_its_size(tmp_path: Path) -> None:
    from kg.articles import MAX_BYTES, read_article

    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: cheap to make
    with pytest.raises(InputError, match="limit"):
        read_article(big)


# -- options -----------------------------------------------------------------------------------------------


def test_url_with_several_files_is_a_usage_error(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "Talks were held in Oslo.\n")
    b = write(tmp_path, "b.txt", "Talks were held in Bern.\n")
    code, out, err = kg("ingest", str(a), str(b), "--url", "https://example.org/x", "--store", str(tmp_path / "s"))
    assert code == 2 and "--url" in err
    assert not (tmp_path / "s" / "CURRENT").exists() or not articles(tmp_path / "s")


@pytest.mark.parametrize("command", [["resolve"], ["judge", "https://example.org/p", "--outcome", "confirmed"]])
def test_mistyped_store_is_not_created(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "kg-dta"
    code, out, err = kg(*command, "--store", str(missing))
    assert code == 3 and "no kg store" in err
    assert not missing.exists()


# -- output ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("out") / "store"
    code, out, err = kg("ingest", str(BAD / "good.json"), "--store", str(path))
    assert code == 0, err
    return path


def test_export_does_not_replace_a_device(tmp_path: Path, small_store: Path) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")
    code, out, err = kg("export", "-o", str(null), "--store", str(small_store))
    assert code == 3 and "is a device" in err
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_export_does_not_replace_a_symlink(tmp_path: Path, small_store: Path) -> None:
    target = write(tmp_path, "precious.txt", "keep me\n")
    link = tmp_path / "out.ttl"
    link.symlink_to(target)
    code, out, err = kg("export", "-o", str(link), "--store", str(small_store))
    assert code == 3 and "symbolic link" in err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me\n"


def test_export_into_a_directory_or_missing_folder(tmp_path: Path, small_store: Path) -> None:
    code, out, err = kg("export", "-o", str(tmp_path), "--store", str(small_store))
    assert code == 3 and "is a directory" in err
    code, out, err = kg("export", "-o", str(tmp_path / "nope" / "x.ttl"), "--store", str(small_store))
    assert code == 3 and "does not exist" in err


def test_export_file_gets_the_umask_mode(tmp_path: Path, small_store: Path) -> None:
    old = os.umask(0o022)
    try:
        code, out, err = kg("export", "-o", str(tmp_path / "kg.ttl"), "--store", str(small_store))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "kg.ttl").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]  # no temporary file left


def test_stdout_on_a_full_device_is_one_line(tmp_path: Path, small_store: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a copy of /dev/full
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")
    with full.open("wb") as sink:
        done = kg_process("export", "--store", str(small_store), stdout=sink.fileno())
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_corrupt_store_is_one_line(tmp_path: Path, small_store: Path) -> None:
    import shutil

    broken = tmp_path / "store"
    shutil.copytree(small_store, broken)
    for f in broken.iterdir():
        if f.name.startswith(("MANIFEST", "CURRENT")):
            f.write_bytes(b"garbage\x00" * 8)
    for command in (["stats"], ["ingest", str(BAD / "good.json")]):
        code, out, err = kg(*command, "--store", str(broken))
        assert code == 3, err
        assert len(err.strip().splitlines()) == 1 and err.startswith("kg: error:")


def test_query_file_that_is_a_fifo_or_too_large_is_refused(tmp_path: Path) -> None:
    """`kg query --file` reads like ingest does: a FIFO never hangs it, a huge file is refused by its size."""
    fifo = tmp_path / "q.rq"
    os.mkfifo(fifo)
    done = kg_process("query", "--file", str(fifo), "--store", str(tmp_path / "s"), timeout=30)
    assert done.returncode == 3 and "not a regular file" in done.stderr
    huge = tmp_path / "huge.rq"
    huge.write_text("SELECT * WHERE { ?s ?p ?o } #" + "x" * (2 << 20), encoding="utf-8")
    code, _, err = kg("query", "--file", str(huge), "--store", str(tmp_path / "s"))
    assert code == 3 and "larger than" in err and len(err.strip().splitlines()) == 1
