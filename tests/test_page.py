"""The web page export: one self-contained file, real text, user text that cannot break it.

The page in a real browser is ``test_page_browser.py``; these read the file itself.
"""

from __future__ import annotations

import base64
import io
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from matryoshka import __version__
from matryoshka.cli import main
from matryoshka.export import page
from matryoshka.export.window import WindowExport, window_file_name
from matryoshka.format import catalog

REPO = Path(__file__).resolve().parents[1]

#: Text that would end the script, add markup or run code if it were not escaped.
HOSTILE_NAME = '</script><img src=x onerror="alert(1)">'
HOSTILE_TITLE = "</title><script>alert('t')</script> & \"quotes\" @@SCRIPT@@"
HOSTILE_CAPTION = "@@NAME@@ <!-- </SCRIPT > <svg onload=alert(2)> \u2028 ${x} `tick`"

HOSTILE_YAML = f"""\
format: matryoshka/1
id: hostile
title: {json.dumps(HOSTILE_TITLE)}
description: "<img src=x onerror=alert(3)>"
dolls:
  - name: {json.dumps(HOSTILE_NAME)}
    office: "'single' \\"double\\" </style>"
    native_name: "<!--"
    caption: {json.dumps(HOSTILE_CAPTION)}
    start: 1990
    end: 1999
  - name: "Plain & simple <i>"
    start: 1980
    end: 1990
"""


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of each script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def page_data(elements: Elements) -> dict[str, object]:
    return json.loads(elements.scripts[0])


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["export", *argv])
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def market_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "market.html"
    assert main(["export", "market-1995", "-o", str(out)]) == 0
    return out


def test_page_is_one_file_that_needs_nothing_else(market_page: Path) -> None:
    html = market_page.read_text(encoding="utf-8")
    size = market_page.stat().st_size
    assert size < 1_000_000, f"{size} bytes: well under 6 MB was the aim"
    elements = parse(html)
    # No address outside the file: every picture is a data: URI, no stylesheet, font or
    # script is fetched, and the page forbids the browser any other source.
    assert not elements.named("link")
    for tag, attrs in elements.tags:
        for key in ("src", "href"):
            value = attrs.get(key)
            assert value is None or value.startswith("data:image/webp;base64,"), (tag, key)
    assert "url(" not in html and "@import" not in html and "@font-face" not in html
    assert not re.search(r"https?://", html)
    csp = [m for m in elements.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0]["content"])


def test_page_has_the_dolls_as_text_and_pictures(market_page: Path) -> None:
    sequence = catalog.resolve("market-1995", [])
    elements = parse(market_page.read_text(encoding="utf-8"))
    data = page_data(elements)
    dolls = data["dolls"]
    assert isinstance(dolls, list)
    assert [d["name"] for d in dolls] == [d.name for d in sequence.dolls]
    assert dolls[0]["native"] == "Борис Ельцин"
    assert dolls[0]["dates"] == "1991–1999, 8 years"
    assert dolls[-1]["office"] == sequence.dolls[-1].office
    # The first doll's texts are in the page as it loads, not only in the script.
    text = " ".join(elements.text)
    for doll_text in (sequence.title, "Boris Yeltsin", "Борис Ельцин", "Doll 1 of 7"):
        assert doll_text in text
    assert f"Made with matryoshka {__version__}" in text
    (front,) = [img for img in elements.named("img") if img.get("id") == "front-img"]
    assert front["alt"] == "Boris Yeltsin (1991–1999), painted as a nesting doll"
    # The pictures are the painter's, at the page's height: whole dolls and halves.
    picture = Image.open(io.BytesIO(base64.b64decode(str(dolls[1]["whole"]).split(",")[1])))
    assert picture.format == "WEBP" and picture.mode == "RGBA"
    assert picture.height == page.PAGE_IMAGE_HEIGHT
    top = Image.open(io.BytesIO(base64.b64decode(str(dolls[1]["top"]).split(",")[1])))
    assert top.width == picture.width and top.height < picture.height
    # A live region announces the doll in front to screen readers.
    live = [attrs for _t, attrs in elements.tags if attrs.get("aria-live") == "polite"]
    assert len(live) == 1


def test_user_text_never_breaks_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE_YAML, encoding="utf-8")
    out = tmp_path / "hostile.html"
    code, err = export(capsys, str(source), "-o", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    elements = parse(html)
    # Exactly the page's own elements: two scripts, one picture, nothing from the text.
    assert len(elements.named("script")) == 2
    assert len(elements.named("img")) == 1
    assert not elements.named("svg")
    assert all(not key.startswith("on") for _t, attrs in elements.tags for key in attrs)
    # The text comes back exactly as written, both in the markup and in the data.
    text = "".join(elements.text)
    assert HOSTILE_TITLE in text and HOSTILE_NAME in text
    data = page_data(elements)
    assert data["title"] == HOSTILE_TITLE
    dolls = data["dolls"]
    assert isinstance(dolls, list)
    assert dolls[0]["name"] == HOSTILE_NAME
    assert dolls[0]["caption"] == HOSTILE_CAPTION
    assert "</" not in elements.scripts[0] and "<!--" not in elements.scripts[0]
    # The page's own script is there, whole (the title's "@@SCRIPT@@" was not a slot).
    assert (
        elements.scripts[1].strip()
        == (REPO / "assets" / "page" / "page.js").read_text(encoding="utf-8").strip()
    )
    assert html.count('"use strict"') == 1


def test_script_json_escapes_what_could_end_a_script() -> None:
    text = page.script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_existing_page_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "set.html"
    out.write_text("mine", encoding="utf-8")
    code, err = export(capsys, "market-1995", "-o", str(out))
    assert code == 1 and "exists" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "mine"
    code, err = export(capsys, "market-1995", "-o", str(out), "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p.name != "set.html"]


@pytest.mark.parametrize("option", ["--lineup", "--animate", "--open"])
def test_page_is_the_whole_set_not_another_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    out = tmp_path / "set.html"
    code, err = export(capsys, "market-1995", option, "-o", str(out))
    assert code == 1 and "Traceback" not in err
    assert "web page (.html)" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_page_of_a_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "part.html"
    code, err = export(
        capsys, "market-1995", "--from", "brezhnev", "--to", "stalin", "--size", "200", "-o",
        str(out),
    )  # fmt: skip
    assert code == 0, err
    data = page_data(parse(out.read_text(encoding="utf-8")))
    dolls = data["dolls"]
    assert isinstance(dolls, list)
    assert [d["id"] for d in dolls] == ["brezhnev", "khrushchev", "stalin"]
    top = Image.open(io.BytesIO(base64.b64decode(str(dolls[0]["top"]).split(",")[1])))
    assert top.width == round(200 * 0.62)


def test_long_sets_get_smaller_pictures() -> None:
    assert page.image_height(7) == page.PAGE_IMAGE_HEIGHT
    assert page.image_height(page.FULL_SIZE_DOLLS) == page.PAGE_IMAGE_HEIGHT
    assert page.image_height(160) == 240
    assert page.image_height(1000) == page.MIN_PAGE_IMAGE_HEIGHT
    assert page.image_height(5000) == page.MIN_PAGE_IMAGE_HEIGHT
    assert page.image_height(1000, requested=300) == 300


def test_window_writes_the_page(tmp_path: Path) -> None:
    sequence = catalog.resolve("market-1995", [])
    assert window_file_name("page", sequence, 3) == "market-1995.html"
    exporter = WindowExport("page", sequence, 3, tmp_path)
    deadline = time.monotonic() + 120
    while not exporter.done and time.monotonic() < deadline:
        exporter.step(50)
        time.sleep(0.005)  # the file is written by a worker thread
    assert exporter.done and exporter.error is None, exporter.error
    assert exporter.path == tmp_path / "market-1995.html"
    data = page_data(parse(exporter.path.read_text(encoding="utf-8")))
    dolls = data["dolls"]
    assert isinstance(dolls, list) and len(dolls) == 7  # the whole set, from the outermost
