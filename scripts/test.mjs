// `npm test`: unit, API and browser tests against a real PostgreSQL (embedded, or TEST_DATABASE_URL).
// Builds the web app first when it is missing, because the browser tests serve the real build.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const args = process.argv.slice(2);
const wantsE2e = args.length === 0 || args.includes('e2e');
if (wantsE2e) {
  // The browser tests serve dist/web: rebuild it when it is missing or older than any of its sources.
  const newest = (dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .reduce((m, f) => Math.max(m, fs.statSync(`${f.parentPath}/${f.name}`).mtimeMs), 0);
  const built = fs.existsSync('dist/web/index.html') ? fs.statSync('dist/web/index.html').mtimeMs : 0;
  const sources = Math.max(
    newest('src/web'),
    newest('src/domain'),
    ...['vite.config.ts', 'index.html', 'package-lock.json']
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.statSync(f).mtimeMs),
  );
  const webStale = built < sources;
  if (webStale || process.env.CI)
    execFileSync(process.execPath, ['scripts/build.mjs', 'web'], { stdio: 'inherit' });
}
const projects = args.length ? args.flatMap((p) => ['--project', p]) : [];
fs.mkdirSync('test-results', { recursive: true });
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
let status = run.status ?? 1;
try {
  const r = JSON.parse(fs.readFileSync('test-results/vitest.json', 'utf8'));
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  // A run that executed nothing, or hit an error outside any test, is a failure.
  if (!r.success || r.numTotalTests === 0) status = status || 1;
} catch {
  console.error('Tidak ada laporan uji / no test report: vitest failed before running.');
  status = status || 1;
}
process.exit(status);
