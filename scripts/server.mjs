// npm run server -- --database <postgres-url> --listen <host:port> [--data-dir DIR]
//                   [--tls-cert FILE --tls-key FILE | --insecure-loopback] [--demo]
// Builds when out/ is missing or older than the sources, then runs the district server (out/main/server.js).
import { pathToFileURL } from 'node:url';
import { ensureBuilt, runNode } from './serve.mjs';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureBuilt();
  runNode('out/main/server.js', process.argv.slice(2));
}
