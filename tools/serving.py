"""Start the dashboard on loopback and wait for it: the one helper of the tests and benchmarks.

Used by the browser tests (tests/browser/), the deployment test (tests/test_deploy.py) and the
benchmarks (bench/). The server listens on 127.0.0.1 only, runs headless without usage
statistics, and reads ``SISTERCITIES_DATA_DIR`` when a data folder is given. Its output goes
to a temporary file (never an unread pipe that could fill up and stall it); when it does not
come up in time, the error carries the tail of that output.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
LOCAL_HOSTS = {LOOPBACK, "localhost", "[::1]", "::1"}
DATA_DIR_ENV = "SISTERCITIES_DATA_DIR"  # sistercities.paths.DATA_DIR_ENV, without importing it
TAIL = 2000


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def free_port_block(size: int) -> int:
    """A free port whose next ``size`` ports are free too (PORT and PORT+1..PORT+size)."""
    for _ in range(50):
        base = free_port()
        if base + size < 65000 and all(_port_free(base + i) for i in range(1, size + 1)):
            return base
    raise RuntimeError("no free block of ports")


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((LOOPBACK, port)) != 0


@dataclass
class Server:
    """A running process answering on ``url`` (a dashboard, or the nginx deployment)."""

    url: str
    process: subprocess.Popen
    data_dir: Path | None
    log: IO[bytes]
    own_group: bool = False
    tls_url: str | None = None  # the deployment's HTTPS address, when started with tls=True

    @property
    def port(self) -> int:
        """The port the server answers on."""
        return int(self.url.rsplit(":", 1)[1])

    def output_tail(self) -> str:
        """The last characters the process wrote (stdout and stderr)."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-TAIL:]


def launch(
    command: Sequence[str],
    url: str,
    data_dir: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
    timeout: float = 60,
    own_group: bool = False,
    what: str = "the server",
) -> Server:
    """Run ``command`` from the project root and wait until ``url`` answers its health check.

    ``own_group`` starts it in a new process group (a script with children: stopping it stops
    the group). Raises RuntimeError with the output's tail when the process exits or does not
    answer within ``timeout`` seconds.
    """
    env = {**os.environ, **(extra_env or {})}
    if data_dir is not None:
        env[DATA_DIR_ENV] = str(data_dir)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop_server
    process = subprocess.Popen(
        list(command),
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=own_group,
    )
    server = Server(url, process, data_dir, log, own_group)
    try:
        wait_for_health(server, timeout)
    except RuntimeError as exc:
        _halt(server, wait=5)
        tail = server.output_tail()
        server.log.close()
        raise RuntimeError(f"{what} did not start ({exc}): {tail}") from None
    return server


def wait_for_health(server: Server, timeout: float) -> None:
    """Return once ``/_stcore/health`` answers 200; RuntimeError if the process exits first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if server.process.poll() is not None:
            raise RuntimeError(f"exit code {server.process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no answer within {timeout:.0f} s")
        time.sleep(0.3)


def start_server(
    data_dir: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> Server:
    """``streamlit run dashboard.py`` on a free loopback port; returns once it answers.

    ``data_dir`` becomes ``SISTERCITIES_DATA_DIR`` (None: the shipped data).
    """
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.address", LOOPBACK,
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return launch(
        command, f"http://{LOOPBACK}:{port}", data_dir, extra_env, timeout, what="streamlit"
    )


def start_deployment(
    data_dir: Path,
    run_dir: Path,
    replicas: int = 2,
    timeout: float = 180,
    extra_args: Sequence[str] = (),
    tls: bool = False,
) -> Server:
    """deploy/run_replicas.sh (nginx in front of ``replicas`` dashboards) on free ports.

    ``tls`` adds an HTTPS port (the one after the replicas', self-signed: ``tls_url``);
    ``extra_args`` go to the script as they are (e.g. ``--public``). ``url`` is plain HTTP.
    """
    port = free_port_block(replicas + int(tls))
    tls_args = ["--tls-port", str(port + replicas + 1)] if tls else []
    command = [
        "bash", str(ROOT / "deploy" / "run_replicas.sh"), "--replicas", str(replicas),
        "--port", str(port), "--data", str(data_dir), "--run-dir", str(run_dir),
        *tls_args, *extra_args,
    ]  # fmt: skip
    url = f"http://{LOOPBACK}:{port}"
    # The script runs ROOT/.venv/bin/python, else python3 from PATH: this interpreter's first.
    path = {"PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    server = launch(command, url, data_dir, path, timeout, own_group=True, what="the deployment")
    if tls:
        server.tls_url = f"https://{LOOPBACK}:{port + replicas + 1}"
    return server


def stop_server(server: Server, wait: float = 30) -> None:
    """Stop a server started here: SIGTERM, then SIGKILL (to its whole group when it has one).

    A script in its own group (the deployment) stops its children on SIGTERM itself.
    """
    _halt(server, wait)
    server.log.close()


def _halt(server: Server, wait: float) -> None:
    process = server.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            if server.own_group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
            process.wait(timeout=10)


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script in a Playwright ``page``."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    status = "document.querySelector('[data-testid=\"stStatusWidget\"]')"
    page.wait_for_function(
        f"() => !{status} || !{status}.innerText.includes('Running')", timeout=timeout
    )
    page.wait_for_timeout(500)
