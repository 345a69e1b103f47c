"""Confinement of a query worker process: a memory ceiling and no network.

``limit_memory`` caps the address space (RLIMIT_AS), so a query that grows without bound fails inside its own
worker instead of taking the machine. ``deny_network`` installs a seccomp filter that makes ``socket()`` fail
for Internet families (AF_INET, AF_INET6): whatever a query says, the worker cannot open a connection, so a
SERVICE clause that slipped past :mod:`kg.querycheck` would still send nothing. Unix sockets and pipes (the
worker's line to its parent) keep working. The filter is installed with ``no_new_privs`` and holds for the
life of the process; on a platform without seccomp it is skipped and the parse check stands alone.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import resource
import struct
import sys

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
# (audit arch, number of socket()) per machine
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_AF_INET, _AF_INET6 = 2, 10


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space at *megabytes* (never raising a lower existing cap)."""
    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _filter(arch: int, socket_nr: int) -> bytes:
    """The BPF program: on *arch*, socket(AF_INET | AF_INET6, ...) fails with EACCES; all else is allowed."""

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    ld, jeq, ret = 0x20, 0x15, 0x06  # BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K
    return b"".join([
        op(ld, 0, 0, 4),  # seccomp_data.arch
        op(jeq, 0, 5, arch),  # another ABI: allow
        op(ld, 0, 0, 0),  # seccomp_data.nr
        op(jeq, 0, 3, socket_nr),
        op(ld, 0, 0, 16),  # seccomp_data.args[0]: the address family
        op(jeq, 2, 0, _AF_INET),
        op(jeq, 1, 0, _AF_INET6),
        op(ret, 0, 0, _RET_ALLOW),
        op(ret, 0, 0, _RET_ERRNO | errno.EACCES),
    ])


def deny_network() -> bool:
    """Forbid Internet sockets to this process from now on; False where seccomp is not available."""
    arch = _ARCH.get(platform.machine())
    if not sys.platform.startswith("linux") or arch is None:
        return False
    program = _filter(*arch)
    count = len(program) // 8
    buffer = ctypes.create_string_buffer(program)

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = SockFprog(count, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return bool(libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0)
