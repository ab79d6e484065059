#!/usr/bin/env node
// The whole suite, in the order that fails fastest: types and lint, unit and integration, build, browser E2E, Electron.
import { spawnSync } from 'node:child_process';

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['type check (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['type check (end-to-end tests)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['integration tests on PostgreSQL', 'node', ['scripts/pg-cluster.mjs', 'suite']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['end-to-end tests (browser mode and district server, Chromium)', 'node', ['scripts/pg-cluster.mjs', 'e2e']],
  ['Electron tests', 'node', ['test/electron/run.mjs']],
];

const only = process.argv.slice(2);
let failed = 0;
let passed = 0;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.log(`=== ${name}: FAILED (${secs} s)`);
    failed++;
  } else {
    console.log(`=== ${name}: ok (${secs} s)`);
    passed++;
  }
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
