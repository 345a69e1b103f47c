"""The query page in a real browser: headless Chromium runs a stored query and shows its rows (screenshot)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.paths import data_dir
from kg.store import OxigraphStore

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")
DATA = Path(__file__).parent / "data" / "queries" / "store.trig"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, kg_serve) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("kg") / "kg-data"
    s = OxigraphStore(path)
    s.raw.load(path=str(DATA), format=ox.RdfFormat.TRIG)
    s.raw.load(path=str(data_dir("seeds") / "actors.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/kg/graph/registry"))
    s.close()
    return str(kg_serve(path))


def test_query_page_runs_a_stored_query(server: str, tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    try:
        browser.get(f"{server}/query?stored=meetings-of-actor")
        actor = WebDriverWait(browser, 30).until(ec.presence_of_element_located((By.ID, "param-actor")))
        actor.clear()
        actor.send_keys("https://w3id.org/kg/id/actor/kim-jong-un")
        browser.find_element(By.ID, "run-stored").click()
        WebDriverWait(browser, 30).until(ec.text_to_be_present_in_element((By.ID, "status"), "rows"))
        rows = browser.find_elements(By.CSS_SELECTOR, "#results tr")
        shot = tmp_path / "query-page.png"
        browser.save_screenshot(str(shot))
    finally:
        browser.quit()
    assert len(rows) == 1 + 5  # the header and the five meetings
    assert browser is not None and shot.stat().st_size > 10_000 and shot.read_bytes()[:4] == b"\x89PNG"
