import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launch } from './launch';

/**
 * Issue 16, item 7, in the real app: the first-run choice, and a changed server certificate refused with a clear
 * screen before anything is sent. (The relay itself against the real district server: test/postgres/desktop-relay.)
 */

test('a first run offers this computer only or the district server; this computer only opens the local desk', async () => {
  const { app, win, dataDir } = await launch(undefined, null);
  try {
    await expect(win.getByTestId('connection-choice')).toBeVisible();
    await win.getByTestId('connection-next').click();
    await expect(win.getByTestId('setup-username')).toBeVisible();
    expect(JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8'))).toEqual({ mode: 'standalone' });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a server showing another certificate than the pinned one is refused with both fingerprints, and sent nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-impostor-'));
  const key = join(dir, 'server.key');
  const cert = join(dir, 'server.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  const received: string[] = [];
  const impostor = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.end('{}');
  });
  await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', r));
  const pinned = Array.from({ length: 32 }, () => 'AB').join(':');
  const address = `https://127.0.0.1:${(impostor.address() as AddressInfo).port}/`;
  const { app, win, dataDir } = await launch(undefined, { mode: 'server', address, fingerprint: pinned });
  try {
    await expect(win.getByTestId('connection-refused')).toBeVisible();
    await expect(win.getByTestId('refused-expected')).toContainText('AB:AB:AB:AB:AB:AB:AB:AB');
    const actual = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).split('=')[1]!;
    await expect(win.getByTestId('refused-actual')).toContainText(actual.slice(0, 23));
    expect(received).toEqual([]);
  } finally {
    await app.close();
    impostor.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
