import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/main/desk';
import { commands } from '../../src/main/cli/commands';
import { maintenanceCommandLine, parseMaintenance, type Maintenance } from '../../src/main/cli/invocation';
import type { BackupInfo } from '../../src/shared/contract/backup';
import type { Result } from '../../src/shared/result';

// A folder with a space and Chinese in its name, as on a real office PC.
const root = mkdtempSync(join(tmpdir(), 'desk-switch-'));
const dataDir = join(root, '联审 数据');
let backup: BackupInfo;

/** POSIX shell words: enough of sh's quoting to read back what maintenanceCommandLine prints. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end);
      i = end;
      started = true;
    } else if (c === '\\') {
      word += line[++i];
      started = true;
    } else if (c === ' ') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

async function run(m: Maintenance | null) {
  if (!m || 'error' in m) throw new Error(`not a maintenance command: ${JSON.stringify(m)}`);
  return commands[m.command]!.run({ dataDir: m.dataDir ?? '', rest: m.rest });
}

beforeAll(async () => {
  const desk = createDesk(dataDir, { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const call = async (conn: string, channel: string, input: unknown) => {
    const r = (await desk.dispatch(channel, input, { connectionId: conn, lang: 'en' })) as Result<any>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await call('a', 'auth.setup', { username: 'admin', displayName: '管理员', password: 'switch-test-pass' });
  backup = await call('a', 'backup.create', {});
  desk.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('maintenance switches of the app', () => {
  it('reads --name value and --name=value, with or without --data-dir, among Chromium’s own switches', () => {
    expect(parseMaintenance(['/opt/desk/pilot-desk', '--no-sandbox', '--verify-audit'])).toEqual({
      command: 'verify-audit',
      dataDir: null,
      rest: [],
    });
    expect(parseMaintenance(['.', '--restore', 'b.sqlite', '--data-dir', '/d'])).toEqual({
      command: 'restore',
      dataDir: '/d',
      rest: ['b.sqlite'],
    });
    expect(parseMaintenance(['--data-dir=/d', '--verify-certificate=ABCD-1234'])).toEqual({
      command: 'verify-certificate',
      dataDir: '/d',
      rest: ['ABCD-1234'],
    });
  });
  it('is an ordinary launch without one, and an error when one is incomplete or doubled', () => {
    expect(parseMaintenance(['/opt/desk/pilot-desk', '--enable-logging'])).toBeNull();
    expect(parseMaintenance(['--restore'])).toEqual({ error: '--restore needs a value' });
    expect(parseMaintenance(['--restore', '--data-dir', '/d'])).toEqual({ error: '--restore needs a value' });
    expect(parseMaintenance(['--verify-audit', '--restore', 'x'])).toMatchObject({ error: expect.stringMatching(/one of/) });
  });
  it('--verify-audit checks the chain of the folder it is given', async () => {
    const out = await run(parseMaintenance(['/opt/desk/pilot-desk', '--verify-audit', `--data-dir=${dataDir}`]));
    expect(out.code).toBe(0);
    expect(out.lines[0]).toMatch(/^ok, \d+ entries/);
  });
  it('the restore command printed for an installed Linux app, typed as printed, restores that folder', async () => {
    const inv = { kind: 'installed', executable: '/opt/化工中试项目联审登记平台/pilot-desk', platform: 'linux' } as const;
    const line = maintenanceCommandLine(inv, 'restore', [backup.path], dataDir);
    expect(line).toBe(`'/opt/化工中试项目联审登记平台/pilot-desk' --restore '${backup.path}' --data-dir '${dataDir}'`);
    const argv = shellWords(line);
    expect(argv[0]).toBe(inv.executable);
    const out = await run(parseMaintenance(argv.slice(1)));
    expect(out.code).toBe(0);
    expect(out.lines[0]).toMatch(/^restored 0 filings from /);
  });
  it('the administrator’s backup list prints the same command for each backup', () => {
    expect(backup.restoreCommand).toBe(`npm run desk -- restore '${backup.path}' --data-dir '${dataDir}'`);
  });
  it('prints the forms that work for Windows, Electron in development and a checkout', () => {
    const win = {
      kind: 'installed',
      executable: 'C:\\Program Files\\化工中试项目联审登记平台\\化工中试项目联审登记平台.exe',
      platform: 'win32',
    } as const;
    expect(
      maintenanceCommandLine(
        win,
        'restore',
        ['C:\\Users\\li\\AppData\\Local\\PilotDesk\\backups\\desk-1.sqlite'],
        'C:\\Users\\li\\AppData\\Local\\PilotDesk',
      ),
    ).toBe(
      '"C:\\Program Files\\化工中试项目联审登记平台\\化工中试项目联审登记平台.exe" --restore C:\\Users\\li\\AppData\\Local\\PilotDesk\\backups\\desk-1.sqlite --data-dir C:\\Users\\li\\AppData\\Local\\PilotDesk | more',
    );
    expect(maintenanceCommandLine({ kind: 'electron-dev' }, 'verify-audit', [], '/d')).toBe('npm start -- --verify-audit --data-dir /d');
    expect(maintenanceCommandLine({ kind: 'npm' }, 'restore', ['/d/backups/b.sqlite'], '/d')).toBe(
      'npm run desk -- restore /d/backups/b.sqlite --data-dir /d',
    );
  });
});
