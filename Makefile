# Mend: two commands matter. `make run` serves the app; `make test` proves it works.
# Both install whatever is missing first (scripts/setup.sh), so a fresh clone needs nothing else.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
# scripts/bin/wasm-bindgen (which splits the module before the real wasm-bindgen runs) comes first,
# then binaryen's wasm-opt from npm: Debian's breaks the wasm.
export PATH := $(CURDIR)/scripts/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

TRUNK_BUILD := trunk build --release --offline

.PHONY: run test dist size bench fuzz lighthouse setup lint unit e2e clock-ahead dev sync-server clean

## run: build the release app and serve it on http://127.0.0.1:8080
run: dist
	node scripts/serve.mjs --dir dist --base / --port 8080

## test: everything: format, lints (native and wasm32), unit tests, release build, size, browser
## suite, the date-sensitive tests again a year ahead, and Lighthouse's accessibility /
## best-practices / SEO floors
test: setup lint unit dist-only size e2e clock-ahead lighthouse

## dist: write a deployable dist/ (relative asset paths: works from any sub-path)
dist: setup dist-only

## size: print the size of the whole app (every file in dist/, gzipped); fail above the budget
size:
	node scripts/size.mjs --check

## bench: print every figure: size, native store, trends and sync, decoder property runs,
## browser timings with 1,000 cases (sync through pouchdb-server too), and Lighthouse (median
## of 5 runs). BASELINE=<dir> puts another build's dist/ beside them (e.g. main's, built in a
## worktree)
bench: setup dist-only
	node scripts/size.mjs
	$(if $(BASELINE),node scripts/size.mjs $(BASELINE) | tail -1)
	cargo bench --locked --bench store
	cargo bench --locked --bench trends
	cargo test --locked --release --lib sync_figures -- --ignored --nocapture
	MEND_FUZZ_CASES=2000 cargo test --locked --release --test decoders -- --nocapture --test-threads 1
	node scripts/bench.mjs $(if $(BASELINE),--baseline $(BASELINE))
	node scripts/lighthouse.mjs --runs 5 $(if $(BASELINE),--baseline $(BASELINE))

## fuzz: the decoders' property tests on many more inputs (MEND_FUZZ_CASES, default 100000)
fuzz:
	MEND_FUZZ_CASES=$${MEND_FUZZ_CASES:-100000} cargo test --locked --release --test decoders -- --nocapture --test-threads 1

## lighthouse: Lighthouse 13 mobile on dist/; fails below 1.0 for a11y, best practices, SEO
lighthouse:
	node scripts/lighthouse.mjs

## dev: debug build, rebuilt on change, served on http://127.0.0.1:8080
dev: setup
	trunk serve --offline

## sync-server: a CouchDB-compatible server in memory on http://127.0.0.1:5984 to try sync
sync-server: setup
	node scripts/sync-server.mjs

setup:
	scripts/setup.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

unit:
	cargo test --locked

# After trunk: Home's first screen into the page (drawn by the app in headless Chromium), then
# brotli and gzip copies of every text and wasm file for hosts that serve them.
dist-only:
	$(TRUNK_BUILD)
	node scripts/prerender.mjs dist
	node scripts/compress.mjs dist

e2e:
	npx playwright test

## clock-ahead: the tests that touch dates again, with every clock a year ahead
clock-ahead:
	scripts/clock-ahead.sh

clean:
	cargo clean
	rm -rf dist test-results playwright-report
