# Dossier: two commands do everything.
#   make run   builds in release and runs `dossier build` on the repository's own folders
#   make test  builds and runs every test
SWIFT ?= swift

.PHONY: run test deps build lint format bench bench-lsp

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

# Language server latency and memory (docs/editors.md): drives the release binary over stdio.
bench-lsp:
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product lsp-bench
	.build/release/lsp-bench --binary .build/release/dossier
