# Noticeboard's two commands (see README.md):
#   make site   builds the sample site from content/ into public/ and says where it is
#   make test   runs every test: Swift unit tests, JavaScript tests, browser tests in Chromium
# and the build benchmark (not part of make test: it takes minutes):
#   make bench  times the build against Hugo and cmark-gfm at 1,000 and 10,000 notices
# Each first installs what is missing on a Debian machine: apt packages, then PyPI test packages.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev
TEST_DEBS := chromium chromium-driver fonts-noto-cjk poppler-utils cmark-gfm
PIP_TEST := selenium==4.51.0 pytest pyyaml==6.0.3
BENCH_DEBS := hugo cmark-gfm
BENCH_SIZES ?= 1000 10000
CONTENT ?= content
OUTPUT ?= public

.PHONY: site test bench build-deps test-deps bench-deps

site: build-deps
	$(SWIFT) build -c release --product noticeboard
	.build/release/noticeboard build --content $(CONTENT) --output $(OUTPUT)

test: build-deps test-deps
	$(SWIFT) build --product noticeboard
	$(SWIFT) test --disable-xctest
	node --test Tests/js/
	TZ=America/New_York node --test Tests/js/
	NOTICEBOARD_BIN=$(CURDIR)/.build/debug/noticeboard python3 -m pytest -q Tests/browser Tests/bench

# BENCH_ROUNDS (default 3) rounds per tool and size, median reported; BENCH_SIZES picks the sizes.
bench: build-deps bench-deps
	$(SWIFT) build -c release --product noticeboard
	BENCH_BIN=$(CURDIR)/.build/release/noticeboard python3 Tests/bench/build_bench.py $(BENCH_SIZES)

# Installs only the Debian packages that are not there yet; apt-get update runs only when needed.
define install_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

build-deps:
	$(call install_debs,$(BUILD_DEBS))

test-deps:
	$(call install_debs,$(TEST_DEBS))
	@command -v node >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs >/dev/null; }
	@python3 -c "import selenium, pytest, yaml" 2>/dev/null || python3 -m pip install -q $(PIP_TEST)

bench-deps:
	$(call install_debs,$(BENCH_DEBS))
	@python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml==6.0.3
