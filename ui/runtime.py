"""Process-wide settings the app needs before it touches data (idempotent, cheap per run)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

SYSTEM = "system"
_TURN = threading.Semaphore(1)  # waiters are woken first come, first served


def use_system_allocator() -> None:
    """Give pyarrow (pandas' text columns are Arrow arrays) the C library's allocator.

    pyarrow's default pool is mimalloc. In the server, where every session's script runs in its
    own thread, copying the filtered pairs through it took 40-120 ms at 25,000 links instead of
    8-12 ms with the system allocator (the same call, repeated at once, in the same thread), and
    the overview's script time fell from about 250 to about 95 ms (bench/README.md).
    """
    if pa.default_memory_pool().backend_name != SYSTEM:
        pa.set_memory_pool(pa.system_memory_pool())


@contextmanager
def script_turn() -> Iterator[None]:
    """Run a page's script while no other session's script runs (first come, first served).

    Streamlit runs each session's script in a thread of its own, and Python runs one thread at
    a time (the GIL), switching every 5 ms. Under load every click shared the processor with
    the other clicks in flight and all of them finished late together: 50 sessions clicking
    the overview got a median of 1.6 s and a p95 of 2.9 s. Taking turns, a click waits for the
    runs ahead of it and then finishes in its own ~40 ms (median 0.2 s, p95 0.6 s), and with
    less switching the process completed 20.6 clicks a second instead of 12.9 (bench/README.md).
    A stopped or rerun script (``st.stop``, ``st.rerun``) gives up its turn on the way out.
    """
    with _TURN:
        yield
