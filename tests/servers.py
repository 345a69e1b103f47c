"""Real SPARQL servers for the tests, started on free loopback ports and stopped afterwards.

- the Oxigraph server from PyPI (``oxigraph serve --location DIR --bind 127.0.0.1:PORT``);
- Virtuoso from Debian (``virtuoso-t``): a fresh database made with ``CaseMode = 2``, ports on 127.0.0.1,
  ``GRANT SPARQL_UPDATE TO "SPARQL"`` through ``isql-vt``, stopped with ``isql-vt … -K``.

A server whose program is not installed makes its tests skip with the reason (``.ci/run`` installs both).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes] | None, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            r = httpx.post(url, data={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"},
                           timeout=2)
            if r.status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up within {seconds} s")


def oxigraph_program() -> str | None:
    found = Path(sys.executable).parent / "oxigraph"
    return str(found) if found.exists() else shutil.which("oxigraph")


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """An Oxigraph server on a fresh on-disk store; yields its base URL."""
    program = oxigraph_program()
    if program is None:
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([program, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url + "/query", proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
CaseMode = 2
DirsAllowed = ., {db}
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
ResultSetMaxRows = {maxrows}
MaxQueryExecutionTime = 120
"""


@contextmanager
def virtuoso_server(folder: Path, *, max_rows: int = 10000) -> Iterator[str]:
    """A Virtuoso server on a fresh database; yields its SPARQL endpoint URL (``…/sparql``)."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin)")
    folder.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=folder, sql=sql, http=http, maxrows=max_rows), encoding="utf-8")
    subprocess.run(["virtuoso-t", "+configfile", str(ini), "+wait"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    isql = ["isql-vt", f"127.0.0.1:{sql}", "dba", "dba"]
    try:
        subprocess.run([*isql, 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{http}/sparql"
        _wait(url, None)
        yield url
    finally:
        subprocess.run([*isql, "-K"], timeout=60, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
