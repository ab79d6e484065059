import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';

export const root = join(__dirname, '..', '..');
export const DEMO_PASSWORD = 'demo-2026-desk';

/** The page globals these checks touch (the bridge and a few DOM calls); the Node-side tsconfig has no DOM. */
export interface Bridge {
  desk?: { invoke(channel: string, input: unknown, lang?: string): Promise<{ ok: boolean; value?: any; error?: { code: string } }> };
}

/**
 * Launches the unfused development build (out/ with node_modules/electron): Playwright drives Electron through the
 * inspector, which the packaged build's fuses switch off. A fresh data folder is a standalone desk unless the test
 * passes another connection choice (`null`: none, the first-run screen).
 */
export async function launch(
  dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-')),
  connection: object | null = { mode: 'standalone' },
): Promise<{ app: ElectronApplication; win: Page; dataDir: string }> {
  if (connection) writeFileSync(join(dataDir, 'connection.json'), JSON.stringify(connection));
  const app = await electron.launch({
    executablePath: process.env.DESK_ELECTRON_PATH,
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_E2E_INSPECT: '1', DESK_TEST_FAST_KDF: '1', LANG: 'zh_CN.UTF-8' } as Record<
      string,
      string
    >,
  });
  const win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
  return { app, win, dataDir };
}

/** Demo data through the bridge, then the clerk signs in through the login screen. */
export async function demoAndLogin(win: Page, username = 'clerk'): Promise<void> {
  const loaded = await win.evaluate(() => (globalThis as unknown as Bridge).desk!.invoke('demo.load', {}));
  expect(loaded.ok).toBe(true);
  await win.reload();
  await win.getByTestId('login-username').fill(username);
  await win.getByTestId('login-password').fill(DEMO_PASSWORD);
  await win.getByTestId('login-submit').click();
  await expect(win.getByTestId('current-user')).toBeVisible();
}

export async function invoke<T = any>(win: Page, channel: string, input: unknown): Promise<T> {
  const r = await win.evaluate(([c, i]) => (globalThis as unknown as Bridge).desk!.invoke(c, i), [channel, input] as const);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
