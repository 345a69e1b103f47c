"""The claims browser in a real browser: headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium) opens the seed article page served by uvicorn on a loopback port, checks that the highlighted words are
exactly the statements, meetings and predictions extracted from the article, and saves docs/browser-article.png."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from kg.endpoint import create_app
from kg.ingest import extract_file
from kg.paths import data_dir
from kg.store import MemoryStore
from kg.web import page_url

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
SCREENSHOT = Path(__file__).parent.parent / "docs" / "browser-article.png"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver"),
]

# the text of every highlighted claim, by kind, read from the page's own markup
_CLAIMS_JS = """
const text = {};
for (const a of document.querySelectorAll('#article-text a.hl')) {
  for (const iri of a.dataset.claims.split(' ')) { text[iri] = (text[iri] || '') + a.textContent; }
}
const kinds = {};
for (const li of document.querySelectorAll('li.claim')) { kinds[li.id] = li.className.split(' ')[1].slice(6); }
return [text, kinds];
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``kg serve``'s app (endpoint and pages) over the seeds, on a free loopback port, in a thread."""
    from kg.ingest import ingest
    from kg.resolve import resolve

    store = MemoryStore()
    assert ingest(store, [data_dir("seeds")]).ok
    resolve(store)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 "--window-size=1400,1000", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_seed_article_highlights_match_the_extraction(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By

    seed = next(Path(data_dir("seeds")).glob("*.txt"))
    records = extract_file(seed)
    expected = Counter(
        [("statement", s.span.text) for s in records.statements if s.speaker is not None]  # the mapped ones
        + [("meeting", m.span.text) for m in records.meetings]
        + [("prediction", p.span.text) for p in records.predictions]
    )
    assert sum(k == "prediction" for k, _ in expected) >= 5

    from kg.mapping import article_iri

    driver = browser
    driver.get(server + page_url("articles", str(article_iri(records.article))))  # type: ignore[attr-defined]
    assert records.article.title in driver.title  # type: ignore[attr-defined]
    text, kinds = driver.execute_script(_CLAIMS_JS)  # type: ignore[attr-defined]
    shown = Counter((kinds[iri], words) for iri, words in text.items())
    assert shown == expected
    # hovering shows the details: the title of a prediction's highlight names its predictor and probability
    first = driver.find_element(By.CSS_SELECTOR, "#article-text a.hl-prediction")  # type: ignore[attr-defined]
    assert "predictor:" in first.get_attribute("title") and "probability:" in first.get_attribute("title")
    # clicking a highlight brings its card into view
    first.click()
    target = driver.execute_script("return decodeURIComponent(location.hash.slice(1))")  # type: ignore[attr-defined]
    assert driver.find_element(By.ID, target).is_displayed()  # type: ignore[attr-defined]

    driver.get(server + page_url("articles", str(article_iri(records.article))))  # type: ignore[attr-defined]
    driver.set_window_size(1400, 1400)  # type: ignore[attr-defined]
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOT))  # type: ignore[attr-defined]
    assert SCREENSHOT.stat().st_size > 20_000
