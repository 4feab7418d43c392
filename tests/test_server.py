"""Server mode against a real ``chroma run``: one library shared by several processes.

Each test gets its own server on a free port and a fresh data folder. Ingests and reads
run as separate ``quotedesk`` processes, the way two machines would share a server.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from chroma_server import ChromaServer
from test_store import CHANGED, FIRST, OtherEmbeddings, make_article, put, raw_counts, tear_a_write

from ingest.pipeline import ingest
from quotedesk.config import Settings
from quotedesk.errors import EmbedderMismatchError
from quotedesk.store import Store

QUOTEDESK = Path(sys.executable).parent / "quotedesk"

# Short articles of our own, so the tests need nothing outside the repo.
STORIES = {
    "bridge.txt": (
        "Harbour bridge reopens after six months of repairs\n\n"
        "The harbour bridge reopened on Friday after six months of repairs.\n"
        '"Traffic will flow freely again from tomorrow," said Maria Lopez, the city\'s '
        "transport director.\n"
        "Engineers replaced the deck and repainted the towers.\n"
        '"It was the hardest job of my career," the chief engineer, Tom Baker, said.\n'
    ),
    "library.txt": (
        "City library extends its opening hours\n\n"
        "The central library will stay open until 10pm on weekdays, the council said.\n"
        '"Students asked us for quiet space in the evenings," said librarian Ruth Okafor.\n'
        "The change starts next month and costs little, according to the budget office.\n"
    ),
}


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[ChromaServer]:
    try:
        chroma = ChromaServer(tmp_path / "chroma-data")
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    with chroma:
        yield chroma


@pytest.fixture()
def articles_dir(tmp_path: Path, sample_article_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "sample.txt").write_text(sample_article_path.read_text(encoding="utf-8"))
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def local_counts(tmp_path: Path, articles_dir: Path) -> dict[str, int]:
    """What a single ingest of ``articles_dir`` stores, measured on a local library."""
    store = Store(Settings(db_path=tmp_path / "reference-db"))
    assert ingest(store, [articles_dir]).ok
    return store.stats()


def quotedesk(*args: str, url: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as its own process; ``url`` goes in QUOTEDESK_CHROMA_URL."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEDESK_")}
    environ.update(env)
    if url:
        environ["QUOTEDESK_CHROMA_URL"] = url
    return subprocess.run(
        [str(QUOTEDESK), *args], capture_output=True, text=True, env=environ, timeout=600
    )


def stats(url: str) -> dict[str, int]:
    done = quotedesk("stats", "--json", url=url)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_ingest_in_one_process_is_seen_by_another(
    server: ChromaServer, sample_article_path: Path, tmp_path: Path
) -> None:
    done = quotedesk("ingest", str(sample_article_path), "--json", url=server.url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["added"] == 1

    counts = stats(server.url)
    assert counts["articles"] == 1 and counts["passages"] > 0
    assert counts["quotes"] == report["results"][0]["quotes"]

    listed = quotedesk("articles", "--json", url=server.url)
    assert json.loads(listed.stdout)[0]["title"].startswith("China-Russia entente")

    # and this process, as a third client, reads the full text back for citations
    store = Store(Settings(chroma_url=server.url, db_path=tmp_path / "unused"), create=False)
    article = store.get_article(report["results"][0]["article_id"])
    assert article is not None and "Danil Bochkov" in article.text


def test_ask_and_verify_from_two_processes_at_once(
    server: ChromaServer, sample_article_path: Path
) -> None:
    assert quotedesk("ingest", str(sample_article_path), url=server.url).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEDESK_")}
    env["QUOTEDESK_CHROMA_URL"] = server.url
    commands = [
        ["ask", "who said the cold war will go on?", "--json"],
        ["verify", "A cold war will go on.", "--speaker", "Vladimir Putin", "--json"],
    ]
    running = [
        subprocess.Popen(
            [str(QUOTEDESK), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for command in commands
    ]
    (answer, err_a), (verification, err_v) = (p.communicate(timeout=600) for p in running)
    assert [p.returncode for p in running] == [0, 0], err_a + err_v
    answer, verification = json.loads(answer), json.loads(verification)
    assert answer["speaker"] == "Yury Tavrovsky"
    assert all(c["quote"] in (sample_article_path.read_text()) for c in answer["citations"])
    assert verification["verdict"] == "misattributed"
    assert verification["speaker"] == "Yury Tavrovsky"


def test_two_ingests_at_once_store_each_record_once(
    server: ChromaServer, articles_dir: Path, local_counts: dict[str, int]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEDESK_")}
    env["QUOTEDESK_CHROMA_URL"] = server.url
    both = [
        subprocess.Popen(
            [str(QUOTEDESK), "ingest", str(articles_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    for process in both:
        _out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    assert stats(server.url) == local_counts


def test_embedder_identity_is_read_from_the_server(
    server: ChromaServer, sample_article_path: Path, tmp_path: Path
) -> None:
    assert quotedesk("ingest", str(sample_article_path), url=server.url).returncode == 0
    # a fresh machine: nothing local, only the server knows which embedder built the library
    settings = Settings(chroma_url=server.url, db_path=tmp_path / "fresh-machine")
    with pytest.raises(EmbedderMismatchError, match="other-test-embedder"):
        Store(settings, embeddings=OtherEmbeddings())
    assert Store(settings).stats()["articles"] == 1


def test_server_lost_mid_ingest_then_rerun_completes_without_duplicates(
    server: ChromaServer,
    articles_dir: Path,
    local_counts: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ingest.pipeline.BATCH_TEXTS", 1)  # each article written on its own
    store = Store(Settings(chroma_url=server.url, db_path=tmp_path / "unused"))

    def stop_after_first(done: int, _total: int | None, _source: str) -> None:
        if done == 1:
            server.stop()

    report = ingest(store, [articles_dir], progress=stop_after_first)
    assert len(report.added) == 1
    assert len(report.failed) == len(STORIES)
    for failed in report.failed:
        assert "Chroma server" in failed.reason and server.url in failed.reason

    server.start()
    rerun = quotedesk("ingest", str(articles_dir), "--json", url=server.url)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["unchanged"], summary["added"]) == (1, len(STORIES))
    assert stats(server.url) == local_counts


def test_a_torn_write_is_hidden_until_stale_then_cleared_on_open(
    server: ChromaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server another machine may be mid-write: readers hide an unfinished article at
    once, and opening clears its records only once the write is too old to be alive."""
    settings = Settings(chroma_url=server.url, db_path=tmp_path / "unused")
    store = Store(settings)
    put(store, make_article(CHANGED, source="keep.txt"))
    tear_a_write(store, make_article(FIRST), monkeypatch)
    assert stats(server.url) == {"articles": 1, "passages": 2, "quotes": 1}
    assert raw_counts(Store(settings)) == (5, 3)  # a fresh write: maybe still running
    monkeypatch.setattr("quotedesk.store.STALE_WRITE_S", 0.0)
    assert raw_counts(Store(settings)) == (2, 1)


def test_unreachable_server_is_a_readable_error(server: ChromaServer, articles_dir: Path) -> None:
    server.stop()
    done = quotedesk("ingest", str(articles_dir), url=server.url)
    assert done.returncode == 1
    assert "Chroma server" in done.stderr and server.url in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_chroma_url_wins_over_a_local_library(
    server: ChromaServer, sample_article_path: Path, tmp_path: Path
) -> None:
    local = tmp_path / "local-db"
    flag = quotedesk(
        "ingest", str(sample_article_path), "--db", str(local), "--chroma-url", server.url
    )
    assert flag.returncode == 0, flag.stderr
    assert not local.exists()
    # the same through the environment: QUOTEDESK_CHROMA_URL beats QUOTEDESK_DB
    assert stats(server.url)["articles"] == 1
    env_counts = quotedesk("stats", "--json", url=server.url, QUOTEDESK_DB=str(local))
    assert json.loads(env_counts.stdout)["articles"] == 1
    assert not local.exists()


class TokenProxy(ThreadingHTTPServer):
    """What a deployment puts in front of Chroma (which has no auth): a bearer-token check."""

    def __init__(self, upstream: str, token: str) -> None:
        self.upstream = urlsplit(upstream)
        self.token = token
        self.seen: list[str | None] = []
        super().__init__(("127.0.0.1", 0), _ProxyHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: TokenProxy

    def _forward(self) -> None:
        authorization = self.headers.get("Authorization")
        self.server.seen.append(authorization)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if authorization != f"Bearer {self.server.token}":
            self._reply(401, b'{"error": "unauthorized"}', "application/json")
            return
        upstream = http.client.HTTPConnection(
            self.server.upstream.hostname, self.server.upstream.port, timeout=60
        )
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        response = upstream.getresponse()
        self._reply(response.status, response.read(), response.getheader("Content-Type"))
        upstream.close()

    def _reply(self, status: int, body: bytes, content_type: str | None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type or "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

    def log_message(self, *args: object) -> None:  # keep test output quiet
        return


@pytest.fixture()
def proxy(server: ChromaServer) -> Iterator[TokenProxy]:
    front = TokenProxy(server.url, token="s3cret-newsroom-token")
    thread = threading.Thread(target=front.serve_forever, daemon=True)
    thread.start()
    yield front
    front.shutdown()
    front.server_close()


def test_token_for_a_proxy_in_front_of_the_server(
    proxy: TokenProxy, sample_article_path: Path
) -> None:
    token = {"QUOTEDESK_CHROMA_TOKEN": proxy.token}
    done = quotedesk("ingest", str(sample_article_path), url=proxy.url, **token)
    assert done.returncode == 0, done.stderr
    assert json.loads(quotedesk("stats", "--json", url=proxy.url, **token).stdout)["articles"] == 1
    assert proxy.seen and all(seen == f"Bearer {proxy.token}" for seen in proxy.seen)

    refused = quotedesk("stats", url=proxy.url, QUOTEDESK_CHROMA_TOKEN="wrong")
    assert refused.returncode == 1
    assert proxy.url in refused.stderr and "Traceback" not in refused.stderr
