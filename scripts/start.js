#!/usr/bin/env node
// `npm start`: builds the web explorer with Vite into dist-web/ and serves it on 127.0.0.1, printing the URL.
// Options: --port <n> (default 4173; the next free port is taken when it is busy), --no-build (serve the last build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const args = process.argv.slice(2);
const USAGE = `Usage: npm start -- [--port <n>] [--no-build]

Builds the actlab explorer into dist-web/ and serves it on 127.0.0.1.
  --port <n>    port to serve on (default 4173; the next free one when busy)
  --no-build    serve the last build without building again
  -h, --help    show this help`;
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') i++;
  else if (args[i] !== '--no-build') {
    console.error(`actlab: unknown option '${args[i]}' for npm start; use --port <n>, --no-build or --help`);
    process.exit(2);
  }
}
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`actlab: --port must be a whole number from 0 to 65535 (got ${args[portArg + 1]}); pass e.g. --port 8080`);
  process.exit(2);
}
const built = fileURLToPath(new URL('../dist-web/index.html', import.meta.url));
if (args.includes('--no-build') && !existsSync(built)) {
  console.error('actlab: there is no built explorer to serve (dist-web/ is missing); run npm start without --no-build');
  process.exit(2);
}
try {
  if (!args.includes('--no-build')) {
    console.log('Building the actlab explorer…');
    await build({ logLevel: 'warn' });
  }
  const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`\nactlab explorer: ${url}\n(press Ctrl+C to stop)`);
} catch (err) {
  console.error(`actlab: could not build or serve the explorer: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}; run npm install first`);
  process.exit(1);
}
