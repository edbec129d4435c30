"""axe-core over each part of a handout (notice, checklist, template, search with results), at
desktop and phone width, opened from file:// as an applicant opens a chat attachment."""
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from browser_harness import BINARY, ROOT, make_driver
from test_accessibility import AXE, violations, wait_for

VIEWS = ["", "#/checklist", "#/template-gongshi", "#/search"]


@pytest.fixture(scope="module")
def handout():
    out = pathlib.Path(tempfile.mkdtemp(prefix="nb-handout-a11y-"))
    subprocess.run([str(BINARY), "handout", "2024-meitan-aksu", "--output", str(out / "h.html"), "--content", str(ROOT / "content"),
                    "--themes", str(ROOT / "themes")], check=True, capture_output=True)
    yield (out / "h.html").as_uri()
    shutil.rmtree(out, ignore_errors=True)


@pytest.mark.parametrize("version", AXE)
@pytest.mark.parametrize("width", [1280, 360])
def test_every_part_of_a_handout_has_no_violations(handout, width, version):
    driver = make_driver(width=width, height=900)
    # The handout's policy allows only its own scripts by hash; axe is injected for the test alone.
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    driver.set_script_timeout(60)
    try:
        for view in VIEWS:
            driver.get(handout + view)
            expected = view[2:] or "notice"
            wait_for(driver, f"return document.getElementById('main').dataset.view === '{expected}'")
            if view == "#/search":
                driver.execute_script("document.getElementById('search-q').value = '评审费';"
                                      "document.getElementById('search-form').requestSubmit()")
                wait_for(driver, "return document.querySelectorAll('#search-results li.search-result').length > 0")
            found = violations(driver, version)
            assert not found, f"{view or 'notice'} at {width}px: {found}"
    finally:
        driver.quit()
