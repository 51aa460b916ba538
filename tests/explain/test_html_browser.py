"""The HTML report in a real headless browser (Debian's Chromium through chromedriver): the page
opens with no console error, shows the decision, a provision opens on click, a click on the graph
opens its provision, hostile incident text stays text, and printing shows every section.

Skipped where Chromium, chromedriver or selenium is missing, except when NETRALRULES_REQUIRE_BROWSER
is set (CI sets it): then a missing browser fails the test instead. Screenshots go to
$NETRALRULES_ARTIFACTS (default: `artifacts/` at the top of the repository)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netralrules.explain.graph import clause_id
from netralrules.explain.render.html.page import anchor
from tests.explain.html_support import HOSTILE, ROOT, example, report

CHROMIUM = os.environ.get("NETRALRULES_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("NETRALRULES_CHROMEDRIVER", "/usr/bin/chromedriver")
# Flags for a closed network: nothing in the background may try to reach out.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1400",
)


def _missing() -> str | None:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        return f"{CHROMIUM} or {CHROMEDRIVER} not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (pip install -e '.[dev]')"
    return None


def chromium(profile: Path) -> Iterator[Any]:
    """Headless Chromium with its console log, or a skip (a failure when CI requires a browser).
    Shared by every browser test (the decision report, the audit report)."""
    reason = _missing()
    if reason is not None:
        if os.environ.get("NETRALRULES_REQUIRE_BROWSER"):
            pytest.fail(f"NETRALRULES_REQUIRE_BROWSER is set but {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager must not try to download one.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from chromium(tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("NETRALRULES_ARTIFACTS") or ROOT / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(browser: Any, tmp_path: Path, data: dict[str, Any], lang: str = "id") -> None:
    _, html = report(data, lang)
    page = tmp_path / "laporan.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    browser.get_log("browser")  # flush: each test reads only its own page's messages


def _rendered(browser: Any, element: Any) -> bool:
    """Whether the page lays the element out visibly (Selenium's is_displayed treats the content of
    a closed <details> as hidden whatever the stylesheet says, so printing needs this check)."""
    return bool(
        browser.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return arguments[0].checkVisibility({contentVisibilityAuto: true}) && r.width > 0 && r.height > 0;",
            element,
        )
    )


def _settle(browser: Any) -> None:
    """Wait for two animation frames, so a screenshot after scrolling shows the page painted."""
    browser.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));")


def _severe(browser: Any) -> list[Any]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_page_opens_shows_the_decision_and_a_clause_expands(browser: Any, tmp_path: Path, artifacts: Path) -> None:
    from selenium.webdriver.common.by import By

    _, html = report(example())
    page = tmp_path / "laporan.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    assert _severe(browser) == []
    decision = browser.find_element(By.ID, "decision")
    assert decision.is_displayed()
    assert "Disiplin" in decision.text and "ditetapkan" in decision.text and "sedang" in decision.text
    section = browser.find_element(By.ID, anchor(clause_id(0, "pp94.pasal5.n.2")))
    statute = section.find_element(By.CSS_SELECTOR, "blockquote.statute")
    assert not statute.is_displayed()
    section.find_element(By.TAG_NAME, "summary").click()
    assert statute.is_displayed()
    assert "atribut partai atau atribut PNS" in statute.text
    assert section.get_attribute("open") is not None
    browser.save_screenshot(str(artifacts / "html-report-id.png"))
    assert _severe(browser) == []


def test_graph_node_opens_its_provision(browser: Any, tmp_path: Path, artifacts: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, example(), "en")
    target = anchor(clause_id(0, "pp94.pasal5.n.3"))
    section = browser.find_element(By.ID, target)
    assert section.get_attribute("open") is None
    node = browser.find_element(By.CSS_SELECTOR, f'svg.graph [data-target="{target}"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", node)
    node.click()
    assert section.get_attribute("open") is not None
    assert section.find_element(By.CSS_SELECTOR, "blockquote.statute").is_displayed()
    browser.execute_script(
        "document.querySelector('.graph-wrap').scrollLeft = 0;document.getElementById('graph').scrollIntoView();"
    )
    _settle(browser)
    browser.save_screenshot(str(artifacts / "html-report-graph-en.png"))
    assert _severe(browser) == []


def test_hostile_incident_text_stays_text(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, example(jabatan=HOSTILE))
    assert browser.execute_script("return window.__pwned === undefined;")
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    browser.find_element(By.CSS_SELECTOR, "#incident summary").click()
    assert HOSTILE in browser.find_element(By.ID, "incident").text
    assert _severe(browser) == []


def test_print_shows_every_section_and_hides_the_controls(browser: Any, tmp_path: Path, artifacts: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, example())
    section = browser.find_element(By.ID, anchor(clause_id(0, "pp94.pasal5.n.7")))
    statute = section.find_element(By.CSS_SELECTOR, "blockquote.statute")
    assert not _rendered(browser, statute)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert _rendered(browser, statute)  # the print stylesheet alone, the section still closed
        assert section.get_attribute("open") is None
        assert not browser.find_element(By.CLASS_NAME, "controls").is_displayed()
        browser.save_screenshot(str(artifacts / "html-report-print-id.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert _severe(browser) == []
