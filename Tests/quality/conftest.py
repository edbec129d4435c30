"""Quality gates share the browser tests' harness (Tests/browser/conftest.py): the same freshly
built sample site, the same Chromium, the same checks for console errors and outside requests.
It is loaded under its own name so the two folders can run in one pytest session or apart."""
import importlib.util
import pathlib
import sys

_HARNESS = pathlib.Path(__file__).resolve().parents[1] / "browser" / "conftest.py"
_spec = importlib.util.spec_from_file_location("browser_harness", _HARNESS)
browser_harness = importlib.util.module_from_spec(_spec)
sys.modules["browser_harness"] = browser_harness
_spec.loader.exec_module(browser_harness)

# Fixtures re-exported for the tests in this folder.
site_dir = browser_harness.site_dir
http_base = browser_harness.http_base
browser = browser_harness.browser
phone = browser_harness.phone
base_url = browser_harness.base_url
