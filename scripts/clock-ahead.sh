#!/usr/bin/env bash
# Runs the tests that touch dates once more with every clock a year ahead: the machine's (by
# faketime, for the test processes and the browser) and the browser tests' fixed clock
# (MEND_CLOCK_SHIFT_DAYS). A test that hides a date of its own, or reads the real clock,
# fails here today instead of on some later day. Run by `make test` after the browser suite.
set -euo pipefail
cd "$(dirname "$0")/.."
SHIFT_DAYS=366

node scripts/clock-check.mjs

# Native tests: run the test binaries themselves under faketime (cargo stalls under it).
mapfile -t binaries < <(
  cargo test --locked --no-run --message-format=json 2>/dev/null |
    node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const line of s.split("\n")) {
        if (!line) continue;
        const m = JSON.parse(line);
        if (m.reason === "compiler-artifact" && m.executable && m.profile.test) console.log(m.executable);
      }
    });'
)
[ ${#binaries[@]} -gt 0 ] || { echo "clock-ahead: found no test binaries" >&2; exit 1; }
for binary in "${binaries[@]}"; do
  echo "clock-ahead: $(basename "$binary") with the clock $SHIFT_DAYS days ahead"
  faketime -f "+${SHIFT_DAYS}d" "$binary" -q
done

# Browser tests tagged @dates, with the page clock and the machine's clock both moved.
MEND_CLOCK_SHIFT_DAYS=$SHIFT_DAYS faketime -f "+${SHIFT_DAYS}d" npx playwright test --grep @dates
