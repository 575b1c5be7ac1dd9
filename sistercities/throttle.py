"""A growing wait after repeated wrong guesses of the editor password, per client address.

The first ``free`` wrong guesses (4) cost nothing; the 5th and every later one makes that client
wait ``base * 2 ** (n - free - 1)`` seconds (1, 2, 4, … capped at ``cap``) before its next
guess is even checked. A right guess clears the client's count; a client silent for ``forget``
seconds starts afresh. At most ``max_clients`` addresses are kept (the oldest dropped first), so
a flood of addresses cannot grow the table without bound. Thread-safe (every Streamlit session
runs on its own thread); the clock is injectable for tests.

``client_address`` picks the address to key on: the proxy's ``X-Real-IP`` (or the last
``X-Forwarded-For`` entry) only when the direct peer is loopback, i.e. the nginx recipe in
front of the app; a client talking to the app directly cannot choose its own key.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

LOG = logging.getLogger("sistercities.editor")
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    """The answer to one guess: allowed (checked at all), and the wait now in force (s)."""

    allowed: bool
    wait: float
    failures: int


@dataclass
class _Entry:
    failures: int = 0
    last: float = 0.0
    until: float = 0.0


class GuessThrottle:
    """Wrong-guess counts and waits per client address."""

    def __init__(
        self,
        free: int = 4,
        base: float = 1.0,
        cap: float = 300.0,
        forget: float = 3600.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free, self.base, self.cap = free, base, cap
        self.forget, self.max_clients, self.clock = forget, max_clients, clock
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str) -> Verdict:
        """Whether ``client`` may guess now (not while its wait runs)."""
        with self._lock:
            entry = self._entry(client, create=False)
            if entry is None:
                return Verdict(True, 0.0, 0)
            left = max(0.0, entry.until - self.clock())
            return Verdict(left == 0, left, entry.failures)

    def failed(self, client: str) -> Verdict:
        """Record a wrong guess; returns the wait it earned (0 for the first ``free``)."""
        with self._lock:
            entry = self._entry(client, create=True)
            assert entry is not None
            now = self.clock()
            entry.failures += 1
            entry.last = now
            wait = self.wait_after(entry.failures)
            entry.until = now + wait
        LOG.warning(
            "wrong editor password from %s (%d in a row); next guess in %.0f s",
            client,
            entry.failures,
            wait,
        )
        return Verdict(False, wait, entry.failures)

    def succeeded(self, client: str) -> None:
        """A right guess: the client's count starts afresh."""
        with self._lock:
            self._entries.pop(client, None)

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after ``failures`` wrong guesses in a row."""
        if failures <= self.free:
            return 0.0
        return min(self.cap, self.base * 2 ** (failures - self.free - 1))

    def _entry(self, client: str, create: bool) -> _Entry | None:
        """The client's entry (forgotten when stale), moved to the newest end."""
        now = self.clock()
        entry = self._entries.get(client)
        if entry is not None and now - entry.last > self.forget and now >= entry.until:
            del self._entries[client]
            entry = None
        if entry is None and create:
            entry = self._entries[client] = _Entry(last=now)
            while len(self._entries) > self.max_clients:
                self._entries.popitem(last=False)
        if entry is not None:
            self._entries.move_to_end(client)
        return entry


def client_address(peer: str | None, headers: Mapping[str, str]) -> str:
    """The client's address: the proxy's header behind a loopback proxy, else the peer."""
    if peer in LOOPBACK or peer is None:
        lowered = {key.lower(): value for key, value in headers.items()}
        real = lowered.get("x-real-ip", "").strip()
        if real:
            return real
        forwarded = [p.strip() for p in lowered.get("x-forwarded-for", "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return peer or UNKNOWN
