"""End to end in a real headless Chromium (Debian's `chromium` and `chromium-driver`, which
`make test` installs when they are missing): load the app on the seed ledger, open the Idlib
incident from the map, click the contradiction, and check that both evidence sentences are
highlighted.  The screenshot it takes is the one the README shows (set
COUNTERCLAIM_SCREENSHOT=docs/img/incident.png to refresh it).

This test does not skip: without Chromium it fails, saying how to install it.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from counterclaim.group.update import update
from counterclaim.ledger import open_ledger
from counterclaim.pipeline import Result
from counterclaim.web import create_app

from ..conftest import add_seeds

CHROMIUM = os.environ.get("COUNTERCLAIM_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("COUNTERCLAIM_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1400,1500")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_results: dict[str, Result]) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "seeds.db"
    with open_ledger(path) as led:
        add_seeds(led, seed_results)
        update(led)
    srv = make_server("127.0.0.1", 0, create_app(path), threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: install Debian's chromium and chromium-driver "
                    "(`make test` does: apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_find_the_idlib_contradiction_from_the_map(server: str, browser: webdriver.Chrome, tmp_path: Path) -> None:
    wait = WebDriverWait(browser, 20)
    browser.get(server + "/")
    # the map draws its markers once the basemap has loaded; Idlib city holds two incidents
    marker = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, 'path.incident-marker[data-place="Idlib"]')))
    ActionChains(browser).move_to_element(marker).click().perform()
    popup = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".leaflet-popup-content")))
    links = popup.find_elements(By.CSS_SELECTOR, "a.incident-link")
    (feb,) = [a for a in links if a.text.startswith("2017-02-07")]
    feb.click()

    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "h1.incident-title")))
    assert browser.find_element(By.CSS_SELECTOR, "h1.incident-title").text == "airstrike in Idlib, 2017-02-07"
    buttons = browser.find_elements(By.CSS_SELECTOR, "button.contradiction")
    (sohr,) = [b for b in buttons if "Syrian Observatory for Human Rights" in b.text]
    assert browser.find_elements(By.CSS_SELECTOR, ".claim.is-highlighted") == []
    sohr.click()

    lit = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".claim.is-highlighted mark.evidence"))
    texts = sorted(m.text for m in lit)
    assert len(texts) == 2
    assert any("did not carry out a single strike in Idlib" in t for t in texts)  # the ministry's denial
    assert any("said 26 people were killed, including 10 civilians" in t for t in texts)  # SOHR
    # highlighted means a different colour from the other evidence sentences
    other = browser.find_element(By.CSS_SELECTOR, ".claim:not(.is-highlighted) mark.evidence")
    assert lit[0].value_of_css_property("background-color") != other.value_of_css_property("background-color")
    assert "is-active" in sohr.get_attribute("class")

    shot = tmp_path / "incident.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    target = os.environ.get("COUNTERCLAIM_SCREENSHOT")
    if target:
        shutil.copy(shot, target)
