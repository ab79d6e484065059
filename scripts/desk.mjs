// npm run desk -- <command> [--data-dir DIR]   (e.g. verify-audit)
import { ensureBuilt, runNode } from './serve.mjs';

ensureBuilt();
runNode('out/main/desk.js', process.argv.slice(2));
