"""Load test: start the dashboard and drive N concurrent real Streamlit sessions for a while.

Each session is a websocket client speaking Streamlit's own protocol (BackMsg/ForwardMsg
protobufs, as the browser does): it opens ``/_stcore/stream``, asks for a script run, then
keeps changing the sidebar filters (the ASEAN quick pick, the "show undated" box and the year
slider, set through widget states exactly as the frontend sends them) and waits for each rerun
to finish and for
its new headline figure to arrive. A rerun counts as completed only when the script finished
successfully, no exception element was sent, and the pair count matches the one every session
saw for the same filter. Plain HTTP requests are not used for the measurement.

Run:  .venv/bin/python bench/loadtest.py --sessions 50 --seconds 60
Prints completed reruns, errors, median/p95 response times and the server's memory.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetStates

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.serving import start_server, stop_server  # noqa: E402

WIDGETS = ("w.f.quick", "w.f.undated", "w.f.years")
RAMP_SECONDS = 5.0
PAIRS_LABELS = ("友好城市对数", "Sister-city pairs")


@dataclass
class Totals:
    """Results shared by all sessions."""

    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    expected: dict[tuple, str] = field(default_factory=dict)
    sessions_started: int = 0


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rerun_message(values: dict[str, tuple[str, object]]) -> bytes:
    """A BackMsg asking for a script run with these widget values (key -> (id, value)).

    Booleans go as ``bool_value`` (checkbox), lists of strings as ``string_array_value`` (the
    labels a pills widget selected), lists of floats as ``double_array_value`` (a slider).
    """
    states = WidgetStates()
    for widget_id, value in values.values():
        state = states.widgets.add()
        state.id = widget_id
        if isinstance(value, bool):
            state.bool_value = value
        elif value and isinstance(value[0], float):
            state.double_array_value.data.extend(value)
        else:
            state.string_array_value.data.extend(value)
    message = BackMsg()
    message.rerun_script.query_string = ""
    message.rerun_script.page_script_hash = ""
    message.rerun_script.widget_states.CopyFrom(states)
    return message.SerializeToString()


async def one_run(ws, payload: bytes, timeout: float) -> tuple[dict[str, object], str | None]:
    """Send a rerun and read until the script finished: (widgets by key, pair count)."""
    await ws.send(payload)
    ids: dict[str, object] = {}
    pairs = None
    while True:
        raw = await asyncio.wait_for(ws.recv(), timeout)
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                raise RuntimeError("exception: " + element.exception.message[:200])
            if which in ("checkbox", "button_group", "slider"):
                widget = getattr(element, which)
                ids[widget.id.rsplit("-", 1)[-1]] = widget
            if which == "metric" and element.metric.label in PAIRS_LABELS:
                pairs = element.metric.body
        elif kind == "script_finished":
            status = message.script_finished
            if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                return ids, pairs
            if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                raise RuntimeError(f"script finished with status {status}")


def fresh_ranges(low: int, high: int, rng: random.Random) -> list[list[float]]:
    """Every year range [start, end] within [low, high], shuffled: each click a new one."""
    ranges = [[float(a), float(b)] for a in range(low, high + 1) for b in range(a, high + 1)]
    ranges.remove([float(low), float(high)])  # the range a session starts with
    rng.shuffle(ranges)
    return ranges


async def fresh_session(url: str, seconds: float, seed: int, totals: Totals) -> None:
    """A session of issue #13: each click moves the year slider to a range it has not used.

    Think time 1-3 s between clicks. A click counts only when the script finished, no
    exception was sent, and the headline pair count is the one every session saw for it.
    """
    rng = random.Random(seed)
    try:
        await asyncio.sleep(rng.uniform(0, RAMP_SECONDS))
        async with websockets.connect(
            url, subprotocols=["streamlit"], max_size=None, open_timeout=120, ping_interval=None
        ) as ws:
            totals.sessions_started += 1
            ids, _ = await one_run(ws, rerun_message({}), 300)
            if "w.f.years" not in ids:
                raise RuntimeError(f"year slider not found: {sorted(ids)}")
            slider = ids["w.f.years"]
            ranges = fresh_ranges(int(slider.min), int(slider.max), rng)
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and ranges:
                years = ranges.pop()
                payload = rerun_message({"w.f.years": (slider.id, years)})
                started = time.perf_counter()
                _, pairs = await one_run(ws, payload, 120)
                elapsed = time.perf_counter() - started
                known = totals.expected.setdefault(tuple(years), pairs or "")
                if not pairs or pairs != known:
                    totals.errors.append(f"pair count {pairs!r} for {years}, others saw {known!r}")
                    continue
                totals.times.append(elapsed)
                await asyncio.sleep(rng.uniform(1.0, 3.0))  # a person reading the result
    except Exception as exc:  # every failure is counted, none stops the run
        totals.errors.append(f"{type(exc).__name__}: {exc}"[:300])


def summary(totals: Totals, wall: float, sessions: int) -> str:
    """The load test's figures as printed lines."""
    times = sorted(totals.times)
    lines = [
        f"sessions:           {sessions} (connected {totals.sessions_started})",
        f"completed clicks:   {len(times)} in {wall:.1f} s ({len(times) / wall:.2f} per second)",
        f"errors:             {len(totals.errors)}",
        *(f"  - {error}" for error in totals.errors[:10]),
    ]
    if times:
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        lines += [
            f"median response:    {statistics.median(times) * 1000:.0f} ms",
            f"p95 response:       {p95 * 1000:.0f} ms",
            f"max response:       {times[-1] * 1000:.0f} ms",
        ]
    lines.append(f"distinct year ranges clicked: {len(totals.expected)}")
    return "\n".join(lines)


async def session(url: str, seconds: float, seed: int, totals: Totals) -> None:
    """One browser-like session: first run, then filter changes until time is up."""
    rng = random.Random(seed)
    try:
        await asyncio.sleep(rng.uniform(0, RAMP_SECONDS))  # people arrive over a few seconds
        # Browsers send no websocket pings either (ping_interval=None).
        async with websockets.connect(
            url, subprotocols=["streamlit"], max_size=None, open_timeout=120, ping_interval=None
        ) as ws:
            totals.sessions_started += 1
            ids, _ = await one_run(ws, rerun_message({}), 300)
            if not all(key in ids for key in WIDGETS):
                raise RuntimeError(f"filter widgets not found: {sorted(ids)}")
            slider = ids["w.f.years"]
            low, high = float(slider.min), float(slider.max)
            starts = (low, float(int((low + high) / 2)))
            asean = ids["w.f.quick"].options[0].content  # the first quick pick is ASEAN
            state = {"w.f.quick": [], "w.f.undated": True, "w.f.years": [low, high]}
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                change = rng.choice(WIDGETS)
                if change == "w.f.quick":
                    state[change] = [] if state[change] else [asean]
                elif change == "w.f.undated":
                    state[change] = not state[change]
                else:
                    state[change] = [starts[1] if state[change][0] == low else low, high]
                payload = rerun_message({k: (ids[k].id, v) for k, v in state.items()})
                started = time.perf_counter()
                _, pairs = await one_run(ws, payload, 120)
                elapsed = time.perf_counter() - started
                view = (bool(state["w.f.quick"]), state["w.f.undated"], state["w.f.years"][0])
                known = totals.expected.setdefault(view, pairs or "")
                if not pairs or pairs != known:
                    totals.errors.append(f"pair count {pairs!r} for {view}, others saw {known!r}")
                    continue
                totals.times.append(elapsed)
                await asyncio.sleep(rng.uniform(0.2, 1.0))  # a person reading the result
    except Exception as exc:  # every failure is counted, none stops the run
        totals.errors.append(f"{type(exc).__name__}: {exc}"[:300])


async def drive(
    url: str, sessions: int, seconds: float, pid: int, fresh: bool = False
) -> tuple[Totals, float]:
    """Run every session concurrently while sampling the server's memory.

    With ``fresh`` each session only moves the year slider to ranges it has not used
    (:func:`fresh_session`, issue #13); otherwise it toggles the filters (:func:`session`).
    """
    totals = Totals()
    peak = 0.0

    async def sample() -> None:
        nonlocal peak
        while True:
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    run = fresh_session if fresh else session
    await asyncio.gather(*(run(url, seconds, seed, totals) for seed in range(sessions)))
    sampler.cancel()
    return totals, peak


def shipped_copy() -> Path:
    """A copy of the shipped data folder (the test never touches the real one)."""
    out = Path(tempfile.mkdtemp(prefix="loadtest-")) / "data"
    shutil.copytree(ROOT / "data", out, ignore=shutil.ignore_patterns("history", ".journal*"))
    return out


def main() -> int:
    """Start the server, drive the sessions, print the figures; exit 1 on any error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", type=Path, help="data folder (default: a copy of data/)")
    args = parser.parse_args()
    data = args.data or shipped_copy()
    server = start_server(data)
    pid = server.process.pid
    try:
        idle = rss_mb(pid)
        started = time.monotonic()
        url = server.url.replace("http://", "ws://") + "/_stcore/stream"
        totals, peak = asyncio.run(drive(url, args.sessions, args.seconds, pid))
        wall = time.monotonic() - started
        after = rss_mb(pid)
    finally:
        stop_server(server)
    times = sorted(totals.times)
    print(f"data folder:        {data}")
    print(f"sessions:           {args.sessions} (connected {totals.sessions_started})")
    print(f"duration:           {wall:.1f} s (filter changes for {args.seconds:.0f} s each)")
    print(f"completed reruns:   {len(times)} ({len(times) / wall:.1f} per second)")
    print(f"errors:             {len(totals.errors)}")
    for error in totals.errors[:10]:
        print(f"  - {error}")
    if times:
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"rerun median:       {statistics.median(times) * 1000:.0f} ms")
        print(f"rerun p95:          {p95 * 1000:.0f} ms")
        print(f"rerun max:          {times[-1] * 1000:.0f} ms")
    print(f"pair counts seen:   {dict(sorted(totals.expected.items()))}")
    print(f"server memory:      idle {idle:.0f} MB, peak {peak:.0f} MB, after {after:.0f} MB")
    return 1 if totals.errors or not times else 0


if __name__ == "__main__":
    sys.exit(main())
