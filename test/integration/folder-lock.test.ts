/**
 * restore-1: every running desk holds a shared lock on its data folder, restore needs it exclusively. Two real desk
 * processes share one folder and both write; restore (the real CLI) is refused while either runs and changes
 * nothing; after they are gone (even by kill -9) it runs. The damaged-database screen's command restores this folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/main/desk';
import { TEST_PASSWORD } from '../helpers/desk';

const scrypt = { N: 2 ** 14, r: 8, p: 1 };
let root: string;
let dataDir: string;
let backupPath: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-lock-'));
  dataDir = join(root, 'data folder');
  const desk = createDesk(dataDir, { mode: 'test', scrypt });
  const call = { connectionId: 'setup', lang: 'en' as const };
  await desk.dispatch('auth.setup', { username: 'admin', displayName: 'Admin', password: TEST_PASSWORD }, call);
  const backup = await desk.dispatch('backup.create', {}, call);
  if (!backup.ok) throw new Error(JSON.stringify(backup.error));
  backupPath = (backup.value as { path: string }).path;
  desk.close();
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function startDesk(tag: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/integration/support/desk-holder.ts', dataDir, 'admin', TEST_PASSWORD, tag],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(`WROTE observer-${tag}`)) resolve(child);
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`desk ${tag} exited ${code}: ${err}`)));
  });
}

/** The real command line, as `npm run desk --` runs it (its entry point, without the build check). */
const cli = (args: string) =>
  spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} --import tsx src/main/cli/desk.ts ${args}`], { encoding: 'utf8' });
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

describe('restore-1: the data folder lock', () => {
  it('two desks on one folder both write; restore is refused while any runs and changes nothing', async () => {
    const a = await startDesk('a');
    const b = await startDesk('b');
    const dbFile = join(dataDir, 'desk.sqlite');
    const before = sha(dbFile);
    const refused = cli(`restore ${JSON.stringify(backupPath)} --data-dir ${JSON.stringify(dataDir)}`);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stdout).toMatch(/^refused: busy: a desk is running/);
    expect(sha(dbFile)).toBe(before);
    // One desk gone the hard way: the other still holds the folder.
    a.kill('SIGKILL');
    await exited(a);
    expect(cli(`restore ${JSON.stringify(backupPath)} --data-dir ${JSON.stringify(dataDir)}`).status).toBe(1);
    b.kill('SIGKILL');
    await exited(b);
    const done = cli(`restore ${JSON.stringify(backupPath)} --data-dir ${JSON.stringify(dataDir)}`);
    expect(done.status, done.stderr + done.stdout).toBe(0);
    // The restored folder is the backup's: the two accounts written after it are gone, and it opens healthy.
    const desk = createDesk(dataDir, { mode: 'test', scrypt });
    try {
      expect(desk.services.store.health.ok).toBe(true);
      const names = desk.services.store.sqlite.prepare('SELECT username FROM users ORDER BY id').pluck().all();
      expect(names).toEqual(['admin']);
    } finally {
      desk.close();
    }
  }, 120_000);

  it('a running desk also keeps re-anchoring out', async () => {
    await startDesk('c');
    const out = cli(`reanchor Someone --confirm --data-dir ${JSON.stringify(dataDir)}`);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('refused: a desk is running');
  }, 60_000);

  it('the damaged-database screen prints the command that restores this very folder', async () => {
    writeFileSync(join(dataDir, 'desk.sqlite'), 'this is not a database, it was damaged');
    rmSync(join(dataDir, 'desk.sqlite-wal'), { force: true });
    const desk = createDesk(dataDir, { mode: 'test', scrypt });
    const { health } = desk.services.store;
    desk.close();
    expect(health.ok).toBe(false);
    expect(health.latestBackup).toBe(backupPath);
    const command = health.restoreCommand!;
    // Quoted for the shell the command is printed for (POSIX here), so a folder name with a space survives.
    expect(command).toContain(`--data-dir '${dataDir}'`);
    const out = cli(command.replace(/^npm run desk -- /, ''));
    expect(out.status, out.stderr + out.stdout).toBe(0);
    const healed = createDesk(dataDir, { mode: 'test', scrypt });
    try {
      expect(healed.services.store.health.ok).toBe(true);
    } finally {
      healed.close();
    }
  }, 60_000);
});
