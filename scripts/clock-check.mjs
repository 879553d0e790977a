// Fails when a test reads the machine's clock instead of the tests' fixed one, so a test
// cannot pass today and fail next month. Browser tests take their dates from
// tests/e2e/fixtures.mjs (TODAY, NOW, day()); native tests inject their today.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const rules = [
  // JavaScript: the machine's clock, in the test process or in a page script.
  { dir: 'tests/e2e', ext: '.mjs', skip: ['fixtures.mjs'], re: /new Date\(\s*\)|Date\.now\(\)/ },
  // Rust tests: the system clock.
  { dir: 'tests', ext: '.rs', skip: [], re: /SystemTime::now|Instant::now|chrono::|Local::now/ },
  { dir: 'src', ext: '.rs', skip: [], re: /SystemTime::now|Local::now|Utc::now/ },
];

function files(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : files(path, ext);
    return e.name.endsWith(ext) ? [path] : [];
  });
}

const problems = [];
for (const { dir, ext, skip, re } of rules) {
  for (const path of files(dir, ext)) {
    if (skip.some((s) => path.endsWith(s))) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (re.test(line)) problems.push(`${path}:${i + 1}: ${line.trim()}`);
      });
  }
}

if (problems.length) {
  console.error('These read the machine clock; take the date from the tests\' fixed clock instead:');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('clock-check: no test reads the machine clock');
