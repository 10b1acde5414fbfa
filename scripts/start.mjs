// `npm start`: builds whatever is missing or older than the sources, then runs the server.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stamp = 'dist/.build-stamp';
const built =
  fs.existsSync('dist/server/main.js') && fs.existsSync('dist/web/index.html') && fs.existsSync(stamp);
const stale = built && Math.max(newestMtime('src'), newestMtime('drizzle')) > fs.statSync(stamp).mtimeMs;
if (!built || stale) {
  console.log(built ? 'Sumber berubah; membangun ulang…' : 'Membangun Asah untuk pertama kali…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], { stdio: 'inherit' });
// The server stops its PostgreSQL on these signals; forward them and wait for it to finish.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
