# Dossier: two commands do everything.
#   make run   builds in release and runs `dossier build` on the repository's own folders
#   make test  builds and runs every test
SWIFT ?= swift

.PHONY: run test deps build lint format bench

deps:
	@bash scripts/ensure-deps.sh

run: deps
	$(SWIFT) build -c release --product dossier
	.build/release/dossier build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks

# make bench [N=1000] [JOBS=2] [VALIDATE=1]: dossier build vs the Python peer (docs/performance.md).
N ?= 1000
JOBS ?= 2
VALIDATE ?= 0
bench: deps
	N=$(N) JOBS=$(JOBS) VALIDATE=$(VALIDATE) SWIFT=$(SWIFT) bash scripts/bench.sh
