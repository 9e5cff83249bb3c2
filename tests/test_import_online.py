"""``matryoshka import wikidata:QID``: the query run against a local stand-in endpoint.

A loopback HTTP server on 127.0.0.1 replays answers recorded from the query service (and
the ways it fails); no test reaches the internet.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from matryoshka import __version__
from matryoshka.cli import main
from matryoshka.format.importing import query
from matryoshka.format.loader import load_sequence

DATA = Path(__file__).resolve().parent / "data" / "import"


@dataclass
class Replay:
    """What the stand-in endpoint answers, and what it was asked."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/sparql-results+json;charset=utf-8"
    delay: float = 0.0
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)


@pytest.fixture
def endpoint() -> Iterator[tuple[str, Replay]]:
    replay = Replay()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            replay.requests.append((self.path, dict(self.headers.items())))
            if replay.delay:
                time.sleep(replay.delay)
            try:
                self.send_response(replay.status)
                self.send_header("Content-Type", replay.content_type)
                self.send_header("Content-Length", str(len(replay.body)))
                self.end_headers()
                self.wfile.write(replay.body)
            except OSError:
                pass  # the client gave up waiting

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", replay
    finally:
        server.shutdown()
        server.server_close()


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    status = main(["import", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_fetches_the_query_and_writes_the_sequence(endpoint, tmp_path, capsys, monkeypatch):
    url, replay = endpoint
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    replay.body = (DATA / "uk-prime-ministers.srj").read_bytes()
    target = tmp_path / "uk.yaml"
    status, out, err = run(capsys, "wikidata:Q14211", "-o", str(target), "--endpoint", url)
    assert status == 0, err
    assert f"wrote {target}: 9 dolls, Prime Minister of the United Kingdom" in out
    seq = load_sequence(target).sequence
    assert seq.dolls[0].name == "Boris Johnson" and seq.dolls[-1].name == "Winston Churchill"
    assert seq.source == "Wikidata, holders of Q14211 (position held, P39)"
    [(path, headers)] = replay.requests
    sent = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)["query"][0]
    assert sent == query.position_query("Q14211", "fr")
    assert headers["Accept"] == "application/sparql-results+json"
    assert headers["User-Agent"].startswith(f"matryoshka/{__version__} (")
    assert "example" not in headers["User-Agent"]


def test_a_bce_line_online(endpoint, tmp_path, capsys):
    url, replay = endpoint
    replay.body = (DATA / "roman-emperors.srj").read_bytes()
    target = tmp_path / "rome.yaml"
    status, _, err = run(capsys, "wikidata:q842606", "-o", str(target), "--endpoint", url)
    assert status == 0, err
    augustus = load_sequence(target).sequence.dolls[-1]
    assert str(augustus.start) == "-0026-01-16"


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (500, b"java.util.concurrent.TimeoutException", "answered HTTP 500 Internal Server Error"),
        (429, b"Too Many Requests", "answered HTTP 429 Too Many Requests; too many requests"),
        (200, b"<html>maintenance</html>", "wikidata:Q14211:1:1: error: not JSON"),
        (200, b'{"head": {"vars": []}, "results": {"bindings": []}}', "the query found nothing"),
    ],
    ids=["500", "429", "html", "no-results"],
)
def test_a_failing_service_is_one_line_and_nothing_is_written(
    endpoint, tmp_path, capsys, status, body, message
):
    url, replay = endpoint
    replay.status, replay.body = status, body
    target = tmp_path / "uk.yaml"
    code, out, err = run(capsys, "wikidata:Q14211", "-o", str(target), "--endpoint", url)
    assert code == 1
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not target.exists()


def test_a_closed_port_says_offline(tmp_path, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/sparql"
    target = tmp_path / "uk.yaml"
    code, _, err = run(capsys, "wikidata:Q14211", "-o", str(target), "--endpoint", url)
    assert code == 1
    assert err.strip().startswith(f"{url}: error: cannot reach the query service (")
    assert err.strip().endswith("are you online?")
    assert not target.exists()


def test_a_silent_service_times_out(endpoint, tmp_path, capsys, monkeypatch):
    url, replay = endpoint
    replay.delay = 2.0
    replay.body = (DATA / "uk-prime-ministers.srj").read_bytes()
    monkeypatch.setattr(query, "TIMEOUT_S", 0.3)
    code, _, err = run(capsys, "wikidata:Q14211", "-o", str(tmp_path / "x.yaml"), "--endpoint", url)
    assert code == 1
    assert (
        err.strip()
        == f"{url}: error: no answer within 0.3 s; the service may be busy: try again later"
    )


def test_an_existing_file_is_refused_before_anything_is_fetched(endpoint, tmp_path, capsys):
    url, replay = endpoint
    target = tmp_path / "uk.yaml"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "wikidata:Q14211", "-o", str(target), "--endpoint", url)
    assert code == 1 and "already exists" in err
    assert replay.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["wikidata:P39"], "not a Wikidata item id"),
        (["wikidata:Q1", "--endpoint", "ftp://x"], "expected an http:// or https:// address"),
    ],
)
def test_bad_online_options_are_usage_errors(tmp_path, capsys, args, message):
    code, _, err = run(capsys, *args, "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and message in err
