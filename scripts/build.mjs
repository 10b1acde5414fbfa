// Builds what `npm start` serves: the web app (Vite) into dist/web and the server and CLI (esbuild)
// into dist/server and dist/cli. Used by `npm run build` and, when something is missing, by `npm start`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { build } from 'esbuild';

const only = process.argv[2];

if (!only || only === 'server') {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server/main.js' });
  await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js' });
  // The thread that reads uploaded spreadsheets (src/server/modules/imports/sheet-reader.ts).
  await build({
    ...common,
    entryPoints: ['src/server/modules/imports/sheet-worker.ts'],
    outfile: 'dist/server/sheet-worker.js',
  });
  console.log('server → dist/server, cli → dist/cli');
}
if (!only || only === 'web') {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  console.log('web → dist/web');
}
fs.writeFileSync('dist/.build-stamp', new Date().toISOString());
