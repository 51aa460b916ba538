"""The intake form in headless Chromium (Debian's, through chromedriver, as tests/explain/
test_html_browser.py): it opens with no console error (no CSP violation), a clerk fills it in and
gets the HTML report of the recorded decision; a rejected form comes back filled, with the problems.

Skipped where Chromium, chromedriver or selenium is missing, except when NETRALRULES_REQUIRE_BROWSER
is set (CI sets it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.explain.test_html_browser import artifacts, browser  # noqa: F401  (fixtures)
from tests.service.support import Server


@pytest.fixture(scope="module")
def form_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("form")
    with Server(f"sqlite:///{tmp / 'keputusan.db'}", tmp / "server.log") as server:
        yield server


def _severe(driver: Any) -> list[Any]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _fill(driver: Any, values: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    for name, value in values.items():
        element = driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        elif element.get_attribute("type") == "date":
            driver.execute_script("arguments[0].value = arguments[1];", element, value)
        else:
            element.clear()
            element.send_keys(value)


CLERK = {
    "id": "FORM-2024-001",
    "tanggal_laporan": "2024-10-14",
    "responden.status_kepegawaian": "PNS",
    "responden.jabatan": "Guru Ahli Pertama",
    "pemilu.jenis": "pilkada_bupati",
    "pemilu.tanggal_penetapan": "2024-09-22",
    "pemilu.kampanye_mulai": "2024-09-25",
    "pemilu.kampanye_selesai": "2024-11-23",
    "pemilu.tanggal_pemungutan": "2024-11-27",
    "tindakan.tanggal": "2024-10-12",
    "tindakan.jenis": "ikut_kampanye",
    "tindakan.atribut_partai": "true",
    "tindakan.fasilitas_negara": "false",
    "tindakan.mengerahkan_pns_lain": "false",
    "tindakan.atribut_pns": "false",
}


def test_a_clerk_enters_an_incident_and_gets_its_report(browser: Any, form_server: Server, artifacts: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(form_server.url + "/v1/form")
    assert _severe(browser) == []
    assert browser.find_elements(By.CSS_SELECTOR, "script, link, img") == []
    _fill(browser, CLERK)
    browser.save_screenshot(str(artifacts / "service-form-id.png"))
    browser.find_element(By.ID, "submit").click()
    # The report is a new page: wait for it rather than read the form that is still shown.
    decision = WebDriverWait(browser, 60).until(lambda d: d.find_element(By.ID, "decision"))
    assert "Disiplin" in decision.text and "sedang" in decision.text
    assert _severe(browser) == []
    browser.save_screenshot(str(artifacts / "service-form-report-id.png"))
    records = httpx.get(form_server.url + "/v1/decisions", params={"insiden": "FORM-2024-001"}).json()["keputusan"]
    assert len(records) == 1 and records[0]["insiden_data"]["tindakan"][0]["atribut_partai"] is True
    assert "fasilitas_negara" in records[0]["insiden_data"]["tindakan"][0]


def test_a_rejected_form_comes_back_filled_with_the_problems(browser: Any, form_server: Server) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(form_server.url + "/v1/form?lang=en")
    _fill(
        browser,
        {
            "id": "FORM-BAD",
            "tindakan.tanggal": "2024-10-12",
            "tindakan.jenis": "ikut_kampanye",
            "pemilu.kampanye_mulai": "2024-11-01",
            "pemilu.kampanye_selesai": "2024-10-01",
        },
    )
    browser.find_element(By.ID, "submit").click()
    problems = WebDriverWait(browser, 60).until(lambda d: d.find_element(By.ID, "problems"))
    assert "E0409" in problems.text
    assert browser.find_element(By.NAME, "id").get_attribute("value") == "FORM-BAD"
    # The browser logs the 422 status of the page itself; nothing else may be logged (no CSP violation).
    assert [e for e in _severe(browser) if "status of 422" not in e["message"]] == []


def test_the_form_carries_its_content_security_policy(form_server: Server) -> None:
    answer = httpx.get(form_server.url + "/v1/form")
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "form-action 'self'" in policy and "script-src" not in policy
