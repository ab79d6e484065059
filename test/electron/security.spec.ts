import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const root = join(__dirname, '..', '..');

/** The few page globals these checks touch; the Node-side tsconfig has no DOM library. */
interface PageGlobals {
  require?: unknown;
  process?: unknown;
  desk?: { invoke(channel: string, input: unknown): Promise<unknown> };
  __inline?: boolean;
  location: { href: string };
  open(url: string): unknown;
  fetch(url: string): Promise<{ headers: { get(name: string): string | null } }>;
  document: { createElement(tag: string): { textContent: string }; head: { appendChild(node: unknown): void } };
  navigator: { permissions: { query(q: { name: string }): Promise<{ state: string }> } };
}

let app: ElectronApplication;
let win: Page;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-'));
  app = await electron.launch({
    executablePath: process.env.DESK_ELECTRON_PATH,
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_E2E_INSPECT: '1', DESK_TEST_FAST_KDF: '1' } as Record<string, string>,
  });
  win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the window is served from app://desk, not file://', async () => {
  expect(win.url()).toMatch(/^app:\/\/desk\//);
});

test('webPreferences read back from the live main process are locked down', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    // getLastWebPreferences is undocumented in recent typings; read it when present, else what the factory applied.
    const live = (contents as unknown as { getLastWebPreferences?: () => unknown }).getLastWebPreferences?.() ?? null;
    const inspect = (globalThis as unknown as { __deskInspect: { preferences(id: number): unknown } }).__deskInspect;
    return { live, applied: inspect.preferences(contents.id) };
  });
  for (const p of [prefs.applied, prefs.live].filter(Boolean) as Record<string, unknown>[]) {
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(p.allowRunningInsecureContent ?? false).toBe(false);
    expect(p.experimentalFeatures ?? false).toBe(false);
    expect(p.enableBlinkFeatures ?? '').toBe('');
  }
});

test('the page itself has no Node, and the bridge has only invoke and subscribe', async () => {
  const seen = await win.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return { require: typeof w.require, process: typeof w.process, bridge: Object.keys(w.desk ?? {}).sort() };
  });
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'subscribe'] });
  expect(await win.evaluate(() => (globalThis as unknown as PageGlobals).desk!.invoke('app.ping', {}))).toEqual({
    ok: true,
    value: { ok: true },
  });
});

test('the CSP header is served and inline script does not run', async () => {
  const csp = await win.evaluate(() =>
    (globalThis as unknown as PageGlobals).fetch('/index.html').then((r) => r.headers.get('content-security-policy')),
  );
  expect(csp).toContain("script-src 'self'");
  const ran = await win.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const w = globalThis as unknown as PageGlobals;
        w.__inline = false;
        const s = w.document.createElement('script');
        s.textContent = 'window.__inline = true';
        w.document.head.appendChild(s);
        setTimeout(() => resolve(Boolean(w.__inline)), 200);
      }),
  );
  expect(ran).toBe(false);
});

test('navigation and window.open outside the app are refused; permissions are denied', async () => {
  const windows = app.windows().length;
  await win.evaluate(() => void (globalThis as unknown as PageGlobals).open('https://example.com/'));
  await win.waitForTimeout(300);
  expect(app.windows().length).toBe(windows);
  await win.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await win.waitForTimeout(500);
  expect(win.url()).toMatch(/^app:\/\/desk\//);
  const geo = await win.evaluate(() =>
    (globalThis as unknown as PageGlobals).navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state),
  );
  expect(geo).toBe('denied');
});
