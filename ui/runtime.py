"""Process-wide settings the app needs before it touches data (idempotent, cheap per run)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import pyarrow as pa

T = TypeVar("T")
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
    The first run after a dataset load ends by settling the heap (:func:`load_long_lived`).
    """
    with _TURN:
        try:
            yield
        finally:
            _settle()


def load_long_lived(load: Callable[[], T]) -> T:
    """Run ``load`` (a dataset load); the run that asked for it then settles the heap.

    Python's cyclic garbage collector walks every tracked object in a full (oldest-generation)
    collection. With a 25,000-link dataset and its caches in memory one took about 110 ms, and
    one ran every few clicks, inside someone's script run (the network page's 25k reruns read
    125, 234, 133, ... ms). ``gc.freeze`` moves the live objects to a permanent generation that
    collections skip. Done once, at the end of the first script run after a load (the dataset,
    its per-version caches, the modules and Streamlit's own objects are alive by then), the
    same collections took 6-10 ms. The previous freeze is undone first, so that a replaced
    dataset can be collected once its cache entry goes.
    """
    global _SETTLE
    gc.unfreeze()
    try:
        return load()
    finally:
        _SETTLE = True


_SETTLE = False  # a dataset was loaded: freeze the heap when the running script ends


def _settle() -> None:
    """Freeze the heap once after a load (see :func:`load_long_lived`)."""
    global _SETTLE
    if _SETTLE:
        _SETTLE = False
        gc.freeze()
