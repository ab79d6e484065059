#!/usr/bin/env node
// The whole suite, in the order that fails fastest: types and lint, unit and integration, build, browser E2E, Electron.
import { spawn, spawnSync } from 'node:child_process';

// Type checks, lint and format read files only and each uses about one core: they run side by side, their output
// printed step by step once all are done.
const checks = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['type check (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['type check (end-to-end tests)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
];
const steps = [
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['integration tests on PostgreSQL', 'node', ['scripts/pg-cluster.mjs', 'suite']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['end-to-end tests (browser mode and district server, Chromium)', 'node', ['scripts/pg-cluster.mjs', 'e2e']],
  ['Electron tests', 'node', ['test/electron/run.mjs']],
];

const only = process.argv.slice(2);
const chosen = ([name]) => !only.length || only.some((o) => name.includes(o));
let failed = 0;
let passed = 0;

function report(name, status, started, ended = Date.now()) {
  const secs = ((ended - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.log(`=== ${name}: FAILED (${secs} s)`);
    failed++;
  } else {
    console.log(`=== ${name}: ok (${secs} s)`);
    passed++;
  }
}

/** One step with its output kept, for running beside others. */
function quiet(cmd, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    child.on('error', (err) => out.push(Buffer.from(String(err))));
    child.on('close', (code) => resolve({ status: code ?? 1, output: Buffer.concat(out), started, ended: Date.now() }));
  });
}

const parallel = checks.filter(chosen);
const results = await Promise.all(parallel.map(([, cmd, args]) => quiet(cmd, args)));
parallel.forEach(([name, cmd, args], i) => {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  process.stdout.write(results[i].output);
  report(name, results[i].status, results[i].started, results[i].ended);
});

for (const [name, cmd, args] of steps.filter(chosen)) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  report(name, r.status, started);
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
