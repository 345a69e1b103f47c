"""Writing output files safely: atomically, to regular files only, with the mode the umask gives.

:func:`atomic_output` yields a temporary path next to the target; when the block ends without an error the
temporary file is flushed to disk and renamed over the target in one step, so a reader never sees half a file
and a failure (disk full, interrupted export) leaves the old file as it was.

The target must be a regular file or not exist yet: kg never renames over a device node (``-o /dev/null`` as
root would replace the device), a FIFO, a directory or a symbolic link (which may point anywhere).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     target = Path(d) / "out.ttl"
...     with atomic_output(target) as tmp:
...         _ = tmp.write_bytes(b"data")
...     target.read_bytes()
b'data'
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError, KgError

__all__ = ["atomic_output", "check_target", "write_bytes"]


def check_target(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` may be replaced: a regular file, or nothing, in a folder.

    >>> check_target(Path("/"))
    Traceback (most recent call last):
    kg.errors.InputError: output / is a directory, not a file; give a file name
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise InputError(f"output {path} cannot be checked ({e.strerror})", hint="check the path") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = _kind(st.st_mode)
        raise InputError(f"output {path} is {kind}, not a file", hint=_HINTS.get(kind, "give a file name"))
    parent = path.parent
    if not parent.is_dir():
        raise InputError(f"output folder {parent} does not exist", hint=f"create it first: mkdir -p {parent}")


_HINTS = {
    "a directory": "give a file name",
    "a symbolic link": "give the real file name (kg does not write through links)",
}


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path; on success move it over ``path`` atomically (see the module docstring).

    Raises:
        InputError: ``path`` is not a regular file or its folder does not exist.
        KgError: the file cannot be written (disk full, permissions); the target is left unchanged.
    """
    target = Path(path)
    check_target(target)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise KgError(f"cannot write {target} ({e.strerror})", hint="check the folder's permissions") from None
    tmp = Path(name)
    try:
        os.close(fd)
        yield tmp
        _sync(tmp)
        os.chmod(tmp, _umask_mode())
        check_target(target)  # it may have changed while we wrote
        os.replace(tmp, target)
    except OSError as e:
        raise KgError(f"cannot write {target} ({_reason(e)})", hint="the file was left as it was") from None
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def _sync(path: Path) -> None:
    """Flush a written file to disk, so that a full disk shows here and not after the rename."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _reason(e: OSError) -> str:
    if e.errno == errno.ENOSPC:
        return "no space left on the device"
    return e.strerror or str(e)
