# Dossier: two commands do everything.
#   make run   builds in release and runs `dossier build` on the repository's own folders
#   make test  builds and runs every test
SWIFT ?= swift

.PHONY: run test test-slow test-scale deps lint format bench bench-lsp browser-test fuzz

deps:
	@bash scripts/ensure-deps.sh

run: deps
	$(SWIFT) build -c release --product dossier
	.build/release/dossier build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks Fuzz/Sources Plugins

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks Fuzz/Sources Plugins

# make bench [N=1000] [JOBS=2] [VALIDATE=1]: dossier build vs the Python peer (docs/performance.md).
N ?= 1000
JOBS ?= 2
VALIDATE ?= 0
bench: deps
	N=$(N) JOBS=$(JOBS) VALIDATE=$(VALIDATE) SWIFT=$(SWIFT) bash scripts/bench.sh

# Language server latency and memory (docs/editors.md): drives the release binary over stdio.
bench-lsp:
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product lsp-bench
	.build/release/lsp-bench --binary .build/release/dossier

# The report's headless-browser test (docs/report.md): installs Chromium when missing (apt, as root),
# then runs the report tests; `make test` runs the same test only when Chromium is already installed.
browser-test: deps
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" -eq 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >&2; } || { echo "install Chromium with: sudo apt-get install chromium fonts-wqy-zenhei" >&2; exit 1; }
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter 'ReportCommandTests|ReportTests'

# Slow end-to-end tests (docs/ci.md; CI runs them unless DOSSIER_CI_SKIP_SLOW=1): `pre-commit try-repo`
# on a sample project, with pre-commit from PyPI under .build/python-interop.
test-slow: deps
	$(SWIFT) build --build-tests
	DOSSIER_SLOW_TESTS=1 $(SWIFT) test --skip-build --filter CIFilesTests

# Sharded builds at scale (docs/scaling.md): the release binary on a generated corpus (kept in
# .build/scale/), N = 1, 2, 3 and 7: merged bag byte-identical to the single build, bagit.py --validate
# (bagit from PyPI under .build/python-interop), wall times printed. The 10k figure in docs/scaling.md:
# make test-scale SCALE_DOCS=10000 SCALE_SHARDS=2
SCALE_DOCS ?= 2000
SCALE_SHARDS ?= 1,2,3,7
test-scale: deps
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build --build-tests
	DOSSIER_SCALE_TESTS=1 DOSSIER_SCALE_DOCUMENTS=$(SCALE_DOCS) DOSSIER_SCALE_SHARDS=$(SCALE_SHARDS) \
		$(SWIFT) test --skip-build --filter ShardedScaleTests

# Coverage-guided fuzzing with libFuzzer + AddressSanitizer (docs/reliability.md): each target (or
# TARGET=yaml|json|schema|ingest|document|export) for SECONDS seconds on one worker.
TARGET ?=
SECONDS ?= 60
fuzz: deps
	TARGET="$(TARGET)" FUZZ_SECONDS=$(SECONDS) SWIFT=$(SWIFT) bash Fuzz/run.sh
