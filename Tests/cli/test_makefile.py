"""The README's two commands on a fresh Debian machine: the test tools go into a virtual environment
the Makefile makes, because Debian's own python3 refuses system-wide pip installs (PEP 668)."""
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEBIAN_PYTHON = pathlib.Path("/usr/bin/python3")


def externally_managed(python):
    stdlib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    return (pathlib.Path(stdlib) / "EXTERNALLY-MANAGED").exists()


@pytest.mark.skipif(not DEBIAN_PYTHON.exists() or not externally_managed(DEBIAN_PYTHON),
                    reason="needs Debian's own python3, which refuses system-wide pip installs")
def test_make_installs_the_test_tools_with_debians_own_python(tmp_path):
    # What `make test` does first, with Debian's python3 as the only Python: it must make a virtual
    # environment and install there, not stop at "externally-managed-environment". A small package
    # stands in for the test tools, so the test does not download selenium again.
    venv = tmp_path / "venv"
    make = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "venv", f"PYTHON={DEBIAN_PYTHON}",
                           f"VENV={venv}", "PIP_TEST=six", "PIP_TEST_IMPORTS=six", "PIP_AXE_CORE="],
                          capture_output=True, text=True, timeout=300)
    assert make.returncode == 0, make.stdout + make.stderr
    assert "externally-managed-environment" not in make.stderr
    imported = subprocess.run([str(venv / "bin" / "python"), "-c", "import six, sys; print(sys.prefix)"],
                              capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert pathlib.Path(imported.stdout.strip()) == venv
    # The environment is reused: a second run installs nothing.
    again = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "venv", f"PYTHON={DEBIAN_PYTHON}",
                            f"VENV={venv}", "PIP_TEST=six", "PIP_TEST_IMPORTS=six", "PIP_AXE_CORE="],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "Installing" not in again.stdout, again.stdout


def test_every_python_step_of_the_makefile_runs_in_the_virtual_environment():
    # A recipe that calls the system's python3 for pytest, the fuzz runner or the benchmark would
    # stop on Debian, or run without the tools the venv holds.
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "test", "bench"],
                         capture_output=True, text=True, timeout=120)
    commands = [line for line in dry.stdout.splitlines() if "pytest" in line or "run_fuzzers" in line or "build_bench" in line]
    assert commands, dry.stdout
    for line in commands:
        assert ".venv/bin/python" in line, line
    assert ".venv/" in (ROOT / ".gitignore").read_text().splitlines()
