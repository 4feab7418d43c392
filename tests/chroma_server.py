"""A real Chroma server for tests and benchmarks: ``chroma run`` on a free loopback port.

The ``chroma`` command ships in the chromadb package, so it sits next to the running
interpreter in whichever venv is active (/work/venv here, .venv in CI). Using the real
server, not a mock, is the point: server mode must behave like production.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

CHROMA_BIN = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ChromaServer:
    """Start, stop and restart ``chroma run --path PATH`` on 127.0.0.1.

    The port is kept across restarts so clients configured with ``url`` reconnect to
    the same data, as they would after a production server restart.
    """

    def __init__(self, path: Path, port: int | None = None) -> None:
        if not CHROMA_BIN.exists():
            raise FileNotFoundError(f"no chroma command at {CHROMA_BIN} (is chromadb installed?)")
        self.path = Path(path)
        self.port = port or free_port()
        self.log_path = self.path.parent / f"chroma-{self.port}.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 60.0) -> ChromaServer:
        """Launch the server and return once its heartbeat answers."""
        self.path.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    str(CHROMA_BIN),
                    "run",
                    "--path",
                    str(self.path),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"chroma run exited with {self._process.returncode}; "
                    f"log: {self.log_path.read_text(errors='replace')[-2000:]}"
                )
            if self._heartbeat():
                return self
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"chroma run did not answer on {self.url} within {timeout} s")

    def _heartbeat(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1) as resp:
                return resp.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers); the data stays on disk."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)

    def restart(self) -> ChromaServer:
        self.stop()
        return self.start()

    def __enter__(self) -> ChromaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
