#!/usr/bin/env node
// Runs every benchmark in bench/ (TypeScript through tsx). Benchmarks print figures; they never pass or fail on time.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n##### bench/${f}`);
  const r = spawnSync('npx', ['tsx', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
