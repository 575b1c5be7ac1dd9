"""Process-wide settings the app needs before it touches data (idempotent, cheap per run)."""

from __future__ import annotations

import pyarrow as pa

SYSTEM = "system"


def use_system_allocator() -> None:
    """Give pyarrow (pandas' text columns are Arrow arrays) the C library's allocator.

    pyarrow's default pool is mimalloc. In the server, where every session's script runs in its
    own thread, copying the filtered pairs through it took 40-120 ms at 25,000 links instead of
    8-12 ms with the system allocator (the same call, repeated at once, in the same thread), and
    the overview's script time fell from about 250 to about 95 ms (bench/README.md).
    """
    if pa.default_memory_pool().backend_name != SYSTEM:
        pa.set_memory_pool(pa.system_memory_pool())
