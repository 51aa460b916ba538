"""The audit page in a real headless browser, like the decision report (tests/explain/test_html_browser.py):
it opens with no console error, the charts are drawn, and every drill-down link opens its case.
Skipped without Chromium, chromedriver or selenium unless NETRALRULES_REQUIRE_BROWSER is set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netralrules.tools.audit_generate import to_jsonl
from netralrules.tools.audit_html import anchor, render_audit_html
from tests.explain.test_html_browser import chromium
from tests.tools.audit_support import run, synthetic


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from chromium(tmp_path_factory.mktemp("chromium-audit"))


def test_the_audit_page_renders_with_charts_and_working_drill_down(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    result = run("r.jsonl", to_jsonl(synthetic(7, 400, True)))
    page = tmp_path / "report.html"
    page.write_text(render_audit_html(result, "id"), encoding="utf-8")
    browser.get(page.as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Audit konsistensi")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) >= 4
    assert browser.find_elements(By.CSS_SELECTOR, "#funnel rect.step") and browser.find_elements(
        By.CSS_SELECTOR, "#timeline rect.bar"
    )
    assert all(svg.size["height"] > 0 for svg in charts[:5])
    links = browser.find_elements(By.CSS_SELECTOR, "a.case-link")
    assert len(links) == len(result.results)
    for link in links[:3] + links[-2:]:
        target = link.get_attribute("href").split("#", 1)[1]
        browser.execute_script("arguments[0].scrollIntoView()", link)
        link.click()
        section = browser.find_element(By.ID, target)
        assert section.tag_name == "details" and section.get_attribute("open") is not None
    first = result.results[0].case.case_id
    assert browser.find_element(By.ID, anchor(first)).text.startswith(first)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
