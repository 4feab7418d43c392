"""A scripted OpenAI-compatible chat endpoint on loopback, for testing the LLM path.

Replies are queued by the test (``server.reply(content)``, ``server.reply(content,
delay=2.0)``, or ``drip=0.5`` to send the body a byte at a time); each POST to
``/v1/chat/completions`` takes the next one. Requests are recorded so tests can check
what the model was shown. The real ``openai`` client (via ``ChatOpenAI(base_url=...)``)
talks to it over HTTP.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ScriptedLLM:
    def __init__(self) -> None:
        self._replies: deque[tuple[str, float, float]] = deque()
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def reply(
        self, content: str | dict[str, Any], *, delay: float = 0.0, drip: float = 0.0
    ) -> None:
        """Queue the next completion (a dict is sent as its JSON text); ``drip`` seconds
        between bytes makes a server that is never silent long enough to time out a read."""
        text = content if isinstance(content, str) else json.dumps(content)
        self._replies.append((text, delay, drip))

    def start(self) -> ScriptedLLM:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                return None

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                content, delay, drip = (
                    server._replies.popleft() if server._replies else ("", 0.0, 0.0)
                )
                if delay:
                    time.sleep(delay)
                payload = json.dumps(
                    {
                        "id": f"chatcmpl-{len(server.requests)}",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "scripted"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": content},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    }
                ).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    step = 1 if drip else len(payload)
                    chunks = [payload[i : i + step] for i in range(0, len(payload), step)]
                    for chunk in chunks:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        time.sleep(drip)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        return Handler
