"""Browser-test harness: real Debian Chromium driven by selenium, against the sample site built
fresh for the run, opened both from file:// and over loopback HTTP.

Every page load is checked for console errors and for requests that leave the site."""
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))


@pytest.fixture(scope="session")
def site_dir():
    out = pathlib.Path(tempfile.mkdtemp(prefix="nb-browser-")) / "site"
    subprocess.run([str(BINARY), "build", "--content", str(ROOT / "content"), "--output", str(out),
                    "--themes", str(ROOT / "themes")], check=True, capture_output=True)
    yield out
    shutil.rmtree(out.parent, ignore_errors=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_base(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def make_driver(width=1280, height=900, javascript=True, downloads=None, timezone=None, file_access=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # file_access=False is a browser as a reader has it: no flag that lets file:// pages read files.
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"] + (
            ["--allow-file-access-from-files"] if file_access else []):
        options.add_argument(arg)
    prefs = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        prefs.update({"download.default_directory": str(downloads), "download.prompt_for_download": False})
    if prefs:
        options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # Chromium is the applicant's browser, not our tool: it keeps the machine's own locale. With
    # LANG naming an English locale the machine lacks (Tests/conftest.py sets it for the tool's
    # messages), Chromium saved no download at all.
    env = dict(os.environ, LANG="C.UTF-8", **({"TZ": timezone} if timezone else {}))
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver", env=env), options=options)
    driver.set_window_size(width, height)
    if downloads:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def phone():
    """WeChat-sized: 360 CSS pixels wide."""
    driver = make_driver(width=360, height=780)
    yield driver
    driver.quit()


@pytest.fixture(autouse=True)
def forget_answers(request, site_dir):
    """Ticks, profile and calculator answers are kept in the browser, as a reader expects; each test
    starts from a browser that has none, from file:// and over HTTP alike."""
    for name in ["browser", "phone"]:
        if name in request.fixturenames:
            driver = request.getfixturevalue(name)
            for base in [site_dir.as_uri() + "/", request.getfixturevalue("http_base")]:
                driver.get(base + "404.html")
                driver.execute_script("localStorage.clear()")
    yield


@pytest.fixture(params=["file", "http"])
def base_url(request, site_dir):
    if request.param == "file":
        return site_dir.as_uri() + "/"
    return request.getfixturevalue("http_base")


def open_page(driver, base, path):
    """Loads base+path and fails on a console error or a request outside the site."""
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(base + path)
    driver.execute_script("return document.readyState")
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    outside = [url for url in requests if not url.startswith(base) and not url.startswith("data:")]
    assert not outside, f"{path} requested outside the site: {outside}"
    errors = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert not errors, f"{path} logged console errors: {errors}"
    return requests
