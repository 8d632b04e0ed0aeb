// Launcher for `npm run bench:web`: runs the explorer benchmark (bench/web/main.ts) under tsx, forwarding
// arguments and the exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...process.argv.slice(2)], { stdio: 'inherit' });
if (r.error) {
  console.error(`bench:web: could not start node: ${r.error.message}`);
  process.exit(1);
}
process.exit(r.status ?? 1);
