# Mend: two commands matter. `make run` serves the app; `make test` proves it works.
# Both install whatever is missing first (scripts/setup.sh), so a fresh clone needs nothing else.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
# binaryen's wasm-opt from npm must come first on PATH: Debian's breaks the wasm.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

TRUNK_BUILD := trunk build --release --offline

.PHONY: run test dist size bench setup lint unit e2e dev clean

## run: build the release app and serve it on http://127.0.0.1:8080
run: dist
	node scripts/serve.mjs --dir dist --base / --port 8080

## test: everything: format, lints (native and wasm32), unit tests, release build, size, browser suite
test: setup lint unit dist-only size e2e

## dist: write a deployable dist/ (relative asset paths: works from any sub-path)
dist: setup dist-only

## size: print the first-load size (gzipped) of dist/ and fail above the budget
size:
	node scripts/size.mjs --check

## bench: print performance figures (native store, then the browser against dist/)
bench: setup dist-only
	cargo bench --locked --bench store
	cargo bench --locked --bench trends
	node scripts/bench.mjs

## dev: debug build, rebuilt on change, served on http://127.0.0.1:8080
dev: setup
	trunk serve --offline

setup:
	scripts/setup.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

unit:
	cargo test --locked

dist-only:
	$(TRUNK_BUILD)

e2e:
	npx playwright test

clean:
	cargo clean
	rm -rf dist test-results playwright-report
