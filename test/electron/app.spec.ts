import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { demoAndLogin, invoke, launch, type Bridge } from './launch';

/**
 * Issue 10, point 9: files, print, the audience window and IPC from a foreign frame, in the real app. Runs only
 * where an Electron binary and the Electron build of better-sqlite3 exist (test/electron/run.mjs).
 */

let app: ElectronApplication;
let win: Page;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  ({ app, win, dataDir } = await launch());
  await demoAndLogin(win);
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function certificateFiling(): Promise<{ id: number; filingId: number }> {
  const list = await invoke<{ rows: { id: number; filingId: number }[] }>(win, 'certificate.list', {
    query: '',
    status: null,
    offset: 0,
    limit: 1,
  });
  expect(list.rows.length, 'the demo has issued certificates').toBeGreaterThan(0);
  return list.rows[0]!;
}

test('the certificate preview fetches its PDF through a ticketed URL and draws it', async () => {
  const cert = await certificateFiling();
  await win.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `/filings/${id}`;
  }, cert.filingId);
  await win.getByTestId('tab-certificates').click();
  const preview = win.getByTestId('pdf-preview-certificate');
  await expect(preview).toHaveAttribute('data-loading', 'false', { timeout: 30_000 });
  expect(Number(await preview.getAttribute('data-pages'))).toBeGreaterThanOrEqual(1);
  await expect(preview.getByRole('alert')).toHaveCount(0);
  // Without a ticket the file route refuses: the preview worked because the main process minted one.
  const bare = await win.evaluate((id) => fetch(`app://desk/files/certificate/${id}`).then((r) => r.status), cert.id);
  expect(bare).toBe(403);
});

test('the PDF opens in a document window that prints', async () => {
  const opened = app.waitForEvent('window');
  await win.getByTestId('pdf-open-certificate').click();
  const doc = await opened;
  await expect.poll(() => doc.url()).toMatch(/^app:\/\/desk\/files\/certificate\/\d+\?ticket=/);
  // Print from the main process, as the menu does; printToPDF stands in for a printer the test machine lacks.
  const pdf = await app.evaluate(async ({ BrowserWindow }, url) => {
    const w = BrowserWindow.getAllWindows().find((b) => b.webContents.getURL() === url)!;
    const bytes = await w.webContents.printToPDF({ printBackground: true });
    return Buffer.from(bytes).subarray(0, 5).toString('latin1');
  }, doc.url());
  expect(pdf).toBe('%PDF-');
  await doc.close();
});

test('an export goes through the save dialog and the toast says where it went', async () => {
  const target = join(dataDir, 'saved-export.xlsx');
  // Answer the save dialog: the app's will-download handler runs first and leaves the path to the dialog.
  await app.evaluate(({ session }, path) => {
    session.defaultSession.once('will-download', (_event, item) => item.setSavePath(path));
  }, target);
  await win.getByTestId('nav-followup').click();
  await win.getByTestId('export-menu').click();
  await win.getByTestId('export-filings-xlsx').click();
  await expect(win.getByText(`已保存到 ${target}`)).toBeVisible({ timeout: 30_000 });
  expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('a cancelled save is not reported as saved', async () => {
  await app.evaluate(({ session }) => {
    session.defaultSession.once('will-download', (_event, item) => item.cancel());
  });
  await win.getByTestId('export-menu').click();
  await win.getByTestId('export-filings-csv').click();
  await expect(win.getByText('已取消保存，文件未写入。')).toBeVisible({ timeout: 30_000 });
});

test('one audience window per meeting, and it may go full screen', async () => {
  const before = app.windows().length;
  const url = 'app://desk/index.html#/meetings/1/audience';
  const opened = app.waitForEvent('window');
  await win.evaluate((u) => void (globalThis as unknown as { open(u: string): unknown }).open(u), url);
  const audience = await opened;
  await win.evaluate((u) => void (globalThis as unknown as { open(u: string): unknown }).open(u), url);
  await win.waitForTimeout(500);
  expect(app.windows().length).toBe(before + 1);
  // requestFullscreen needs a user gesture and the 'fullscreen' permission, which the app's origin has.
  await audience.evaluate(() => {
    const d = (globalThis as unknown as { document: any }).document;
    const b = d.createElement('button');
    b.id = 'fs';
    b.textContent = 'fs';
    b.addEventListener('click', () => void d.documentElement.requestFullscreen());
    d.body.appendChild(b);
  });
  await audience.click('#fs');
  await expect
    .poll(() => audience.evaluate(() => (globalThis as unknown as { document: any }).document.fullscreenElement !== null))
    .toBe(true);
  await audience.close();
});

test('an IPC message from a frame outside the app is refused', async () => {
  const answer = await app.evaluate(async ({ BrowserWindow }) => {
    // A window with the app's preload but a foreign page: the bridge exists, the sender frame is not the app.
    const mainPrefs = BrowserWindow.getAllWindows()[0]!.webContents;
    const inspect = (globalThis as unknown as { __deskInspect: { preferences(id: number): { preload: string } } }).__deskInspect;
    const w = new BrowserWindow({
      show: false,
      webPreferences: { preload: inspect.preferences(mainPrefs.id).preload, sandbox: true, contextIsolation: true },
    });
    await w.loadURL('data:text/html,<title>foreign</title>');
    const r = await w.webContents.executeJavaScript("window.desk.invoke('app.ping', {})");
    w.destroy();
    return r as { ok: boolean; error?: { code: string } };
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // The app's own frame is answered.
  expect(await win.evaluate(() => (globalThis as unknown as Bridge).desk!.invoke('app.ping', {}))).toEqual({
    ok: true,
    value: { ok: true },
  });
});

test.describe('quitting', () => {
  test('closes the store: the WAL is checkpointed away and the file opens clean', async () => {
    const own = await launch();
    await own.win.evaluate(() => (globalThis as unknown as Bridge).desk!.invoke('app.ping', {}));
    expect(existsSync(join(own.dataDir, 'desk.sqlite'))).toBe(true);
    await own.app.close();
    // better-sqlite3 checkpoints and removes the WAL when the last connection closes.
    expect(existsSync(join(own.dataDir, 'desk.sqlite-wal'))).toBe(false);
    rmSync(own.dataDir, { recursive: true, force: true });
  });
});
