// Launcher for `npm run bench`: runs the TypeScript benchmark (bench/main.ts) under tsx, forwarding
// arguments and the exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
// binaryen (the wasm backend's assembler) is imported before tsx registers (through tsx's loader it takes
// tens of seconds to load), by binaryenPreload.mjs.
const preload = fileURLToPath(new URL('./binaryenPreload.mjs', import.meta.url));
const r = spawnSync(process.execPath, ['--import', preload, '--import', 'tsx', main, ...process.argv.slice(2)], { stdio: 'inherit' });
if (r.error) {
  console.error(`bench: could not start node: ${r.error.message}`);
  process.exit(1);
}
process.exit(r.status ?? 1);
