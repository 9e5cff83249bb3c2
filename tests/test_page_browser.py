"""The exported web page in a real browser: Chromium, headless, driven through selenium.

Opens the file the way a user would (``file://``, no server, no network), presses the keys
and clicks the dolls, and reads what the page shows: the name of the doll in front, the
live region a screen reader announces, the shells on the shelf, a screenshot, and the
browser's console (no errors).

Skipped only when Chromium, its driver or selenium is missing and the CI variable is not
set; in CI (``.ci/run`` installs them) it always runs. Set MATRYOSHKA_SCREENSHOTS=DIR to
keep the screenshots.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from matryoshka.cli import main
from matryoshka.format import catalog

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MISSING = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
if importlib.util.find_spec("selenium") is None:
    MISSING.append("selenium")

if MISSING and not os.environ.get("CI"):
    pytest.skip(f"needs {' and '.join(MISSING)} (apt-get install chromium chromium-driver)",
                allow_module_level=True)  # fmt: skip

from selenium import webdriver  # noqa: E402  (after the skip: selenium may be missing)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from test_page import HOSTILE_NAME, HOSTILE_TITLE, HOSTILE_YAML  # noqa: E402

#: Generous bounds on waits for page state (a shared machine can be slow); a wait ends
#: as soon as its condition holds.
WAIT_S = 30

MARKET = catalog.resolve("market-1995", [])
NAMES = [d.name for d in MARKET.dolls]


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    assert not MISSING, f"CI is set but {MISSING} are not installed"
    profile = tempfile.mkdtemp(prefix="matryoshka-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def market_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "market.html"
    assert main(["export", "market-1995", "-o", str(out)]) == 0
    return out


def open_page(driver: WebDriver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    driver.get_log("browser")  # start each page with an empty console
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete")


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], object]) -> None:
    WebDriverWait(driver, WAIT_S, poll_frequency=0.05).until(condition)


def state(driver: WebDriver) -> tuple[str, str]:
    """Whether the page is ``idle`` or ``moving``, and the index of the doll in front."""
    moving, depth = driver.execute_script(
        "return [document.body.dataset.state, document.body.dataset.depth]"
    )
    return moving, depth


def wait_until_settled(driver: WebDriver, depth: int) -> None:
    """Wait until the doll at ``depth`` stands in front and nothing moves."""
    wait_for(driver, lambda d: state(d) == ("idle", str(depth)))


def shown_name(driver: WebDriver) -> str:
    return driver.find_element(By.ID, "name").text


def live_text(driver: WebDriver) -> str:
    return driver.execute_script("return document.getElementById('live').textContent")


def shelf_count(driver: WebDriver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, "#shelf li"))


def press(driver: WebDriver, key: str) -> None:
    ActionChains(driver).send_keys(key).perform()


def console_errors(driver: WebDriver) -> list[dict[str, object]]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def screenshot(driver: WebDriver, name: str) -> Image.Image:
    image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    keep = os.environ.get("MATRYOSHKA_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        image.save(Path(keep) / f"page_{name}.png")
    return image


def assert_doll_visible(image: Image.Image, box: tuple[int, int, int, int]) -> None:
    """Something painted stands in ``box``: many colours, not the plain background."""
    part = image.crop(box)
    colours = part.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 200, f"only {len(colours)} colours: the doll is not drawn"
    assert max(ImageStat.Stat(part).stddev) > 20


def test_keys_and_clicks_open_and_close_the_dolls(browser: WebDriver, market_page: Path) -> None:
    open_page(browser, market_page)
    assert browser.title == "Boris Yeltsin – The market set, Moscow 1995"
    assert shown_name(browser) == "Boris Yeltsin"
    assert shelf_count(browser) == 0
    assert "Made with matryoshka" in browser.find_element(By.CSS_SELECTOR, ".credit").text
    start = screenshot(browser, "start")
    stage = browser.find_element(By.ID, "front").rect
    assert_doll_visible(
        start,
        (round(stage["x"]), round(stage["y"]), round(stage["x"] + stage["width"]),
         round(stage["y"] + stage["height"])),
    )  # fmt: skip

    press(browser, Keys.SPACE)
    # The opening is animated: the page is moving before the next doll stands in front.
    wait_for(browser, lambda d: state(d)[0] == "moving")
    wait_until_settled(browser, 1)
    assert shown_name(browser) == NAMES[1]
    assert live_text(browser).startswith(f"Doll 2 of 7: {NAMES[1]}")
    assert shelf_count(browser) == 1
    shelf_label = browser.find_element(By.CSS_SELECTOR, "#shelf li .label").text
    assert shelf_label == "Yeltsin"

    press(browser, Keys.ARROW_RIGHT)
    wait_until_settled(browser, 2)
    assert shown_name(browser) == NAMES[2] and shelf_count(browser) == 2

    press(browser, Keys.ARROW_LEFT)
    wait_until_settled(browser, 1)
    assert shown_name(browser) == NAMES[1] and shelf_count(browser) == 1
    assert live_text(browser).startswith(f"Doll 2 of 7: {NAMES[1]}")

    press(browser, Keys.ENTER)
    wait_until_settled(browser, 2)
    browser.find_element(By.ID, "front").click()
    wait_until_settled(browser, 3)
    assert shown_name(browser) == NAMES[3] and shelf_count(browser) == 3
    three = screenshot(browser, "three_opened")
    shelf = browser.find_element(By.ID, "shelf").rect
    assert_doll_visible(
        three,
        (round(shelf["x"]), round(shelf["y"]), round(shelf["x"] + shelf["width"]),
         round(shelf["y"] + shelf["height"])),
    )  # fmt: skip
    # The shelf's dolls and the doll in front are described for screen readers.
    alts = [img.get_attribute("alt") for img in browser.find_elements(By.TAG_NAME, "img")]
    assert all(alts) and any(NAMES[0] in alt for alt in alts)

    press(browser, Keys.END)
    wait_until_settled(browser, 6)
    assert "the core" in browser.find_element(By.ID, "position").text
    assert "The core doll" in live_text(browser)
    assert shelf_count(browser) == 6
    screenshot(browser, "core")

    # Clicking the outermost shell on the shelf closes every doll back to it.
    browser.find_element(By.CSS_SELECTOR, "#shelf li:first-child button").click()
    wait_until_settled(browser, 0)
    assert shown_name(browser) == NAMES[0] and shelf_count(browser) == 0
    assert console_errors(browser) == []


def test_reduced_motion_changes_dolls_at_once(browser: WebDriver, market_page: Path) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )
    try:
        open_page(browser, market_page)
        press(browser, Keys.SPACE)
        # No animation: the next doll is in front as soon as the key is handled.
        assert state(browser) == ("idle", "1")
        assert shown_name(browser) == NAMES[1] and shelf_count(browser) == 1
        press(browser, Keys.END)
        assert state(browser) == ("idle", "6") and shelf_count(browser) == 6
        assert console_errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_phone_screen(browser: WebDriver, market_page: Path) -> None:
    # A phone's screen, 400 px wide (a desktop window cannot be made that narrow).
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 400, "height": 800, "deviceScaleFactor": 2, "mobile": True},
    )
    try:
        open_page(browser, market_page)
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert width == 400
        # Nothing sticks out sideways: the page does not scroll horizontally.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        front = browser.find_element(By.ID, "front").rect
        info = browser.find_element(By.ID, "info").rect
        assert front["x"] >= 0 and front["x"] + front["width"] <= width
        assert info["y"] >= front["y"] + front["height"]  # the texts go below the doll
        for _ in range(3):
            press(browser, Keys.ARROW_RIGHT)
        wait_until_settled(browser, 3)
        assert shelf_count(browser) == 3
        screenshot(browser, "phone")
        assert console_errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_hostile_text_stays_text(browser: WebDriver, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(HOSTILE_YAML, encoding="utf-8")
    out = tmp_path / "hostile.html"
    assert main(["export", str(source), "-o", str(out)]) == 0
    open_page(browser, out)
    assert browser.find_element(By.ID, "title").text == HOSTILE_TITLE
    assert shown_name(browser) == HOSTILE_NAME
    assert browser.execute_script("return document.images.length") == 1
    press(browser, Keys.SPACE)
    wait_until_settled(browser, 1)
    assert shown_name(browser) == "Plain & simple <i>"
    press(browser, Keys.ARROW_LEFT)
    wait_until_settled(browser, 0)
    assert shown_name(browser) == HOSTILE_NAME
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018  (reading it is what raises)
    assert console_errors(browser) == []


def test_arabic_texts_read_from_the_right(browser: WebDriver, tmp_path: Path) -> None:
    source = Path(__file__).parent / "data" / "scripts" / "arabic.yaml"
    out = tmp_path / "arabic.html"
    assert main(["export", str(source), "-o", str(out)]) == 0
    open_page(browser, out)
    direction = "return getComputedStyle(document.getElementById(arguments[0])).direction"
    for element in ("title", "name", "office", "caption"):
        assert browser.execute_script(direction, element) == "rtl", element
    # The name ends at the right of the panel, as in the window; the English dates
    # still start at the left.
    info = browser.find_element(By.ID, "info").rect
    name = browser.execute_script(
        "const r = document.createRange(); r.selectNodeContents(document.getElementById('name'));"
        "const b = r.getBoundingClientRect(); return [b.left, b.right];"
    )
    assert name[0] > info["x"] + info["width"] / 2 - 40
    assert browser.execute_script(direction, "dates") == "ltr"
    press(browser, Keys.SPACE)
    wait_until_settled(browser, 1)
    label = "return getComputedStyle(document.querySelector('#shelf .label')).direction"
    assert browser.execute_script(label) == "rtl"
    screenshot(browser, "arabic")
    assert console_errors(browser) == []
