import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const root = join(__dirname, '..', '..');
export const artifactsDir = join(root, 'artifacts', 'e2e');

/**
 * Global setup: build once (only when out/ is missing or older than the sources), then load the demo once into a
 * template folder. A test on the demo desk starts on a copy of it: loading the demo through the handlers takes 5–15 s
 * on two cores, copying the folder a few milliseconds, and the desk that starts on the copy is the one the demo made.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const result = spawnSync(process.execPath, ['-e', "import('./scripts/serve.mjs').then((m) => m.ensureBuilt())"], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('electron-vite build failed; see the output above');
  mkdirSync(artifactsDir, { recursive: true });
  const template = mkdtempSync(join(tmpdir(), 'desk-e2e-demo-'));
  const desk = await startDesk({ demo: true, dataDir: template });
  await desk.stop();
  // Workers inherit the environment global set-up leaves.
  process.env.DESK_E2E_DEMO_TEMPLATE = template;
  return async () => rmSync(template, { recursive: true, force: true });
}

export interface DeskServer {
  /** The launch URL, `http://127.0.0.1:PORT/#token=…`, exactly as printed by the host. */
  url: string;
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface DeskOptions {
  /**
   * Start on the demo data: `true` on a copy of the template global set-up loaded; `'fresh'` loaded by this desk
   * itself (slower), for a test of what the start-up escalation sweep leaves to a clerk: a fresh desk sweeps before
   * the demo loads, while a desk starting on a copy sweeps the demo's overdue case at once.
   */
  demo?: boolean | 'fresh';
  /** Reuse a folder (e.g. to restart on the same data); a fresh temp folder otherwise, removed on stop. */
  dataDir?: string;
  env?: Record<string, string>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Starts `node out/main/host.js --data-dir <dir> --port 0` and waits for its one `Desk ready:` line. */
export async function startDesk(opts: DeskOptions = {}): Promise<DeskServer> {
  const own = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const template = process.env.DESK_E2E_DEMO_TEMPLATE;
  const copied = opts.demo === true && own && template !== undefined && existsSync(template);
  // The folder lock is the template's own; the copy's desk takes its own.
  if (copied) cpSync(template, dataDir, { recursive: true, filter: (src) => !src.endsWith('.lock') });
  const args = [join(root, 'out', 'main', 'host.js'), '--data-dir', dataDir, '--port', '0', ...(opts.demo && !copied ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DESK_TEST_FAST_KDF: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (process.env.DESK_E2E_VERBOSE) process.stderr.write(c);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    // Loading the demo set takes ~20 s on an idle two-core machine; a busy one needs more headroom.
    const timer = setTimeout(() => reject(new Error(`desk did not start within 90 s\n${stderr}`)), 90_000);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      const match = /^Desk ready: (\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`desk exited with ${code} before it was ready\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(killer);
    }
    if (own) rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, origin: parsed.origin, token: parsed.hash.replace(/^#token=/, ''), port: Number(parsed.port), dataDir, stop };
}

const slug = (parts: string[]) =>
  parts
    .map((p) => p.replace(/\.spec\.ts$/, ''))
    .join('-')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);

export interface DeskFixtures {
  /** Per-test option: `test.use({ deskOptions: { demo: true } })`. */
  deskOptions: DeskOptions;
  /** A fresh desk for this test, stopped (and its temp folder removed) afterwards. */
  desk: DeskServer;
  /** The page opened at the desk's launch URL. */
  deskPage: Page;
  /** Saves a full-page screenshot to artifacts/e2e/<test>-<name>.png. */
  shot: (name: string, page?: Page) => Promise<string>;
}

export const test = base.extend<DeskFixtures>({
  deskOptions: [{}, { option: true }],
  desk: async ({ deskOptions }, use) => {
    const desk = await startDesk(deskOptions);
    try {
      await use(desk);
    } finally {
      await desk.stop();
    }
  },
  deskPage: async ({ page, desk }, use) => {
    await page.goto(desk.url);
    await use(page);
  },
  shot: async ({ page }, use, testInfo) => {
    await use(async (name, target = page) => {
      const path = join(artifactsDir, `${slug(testInfo.titlePath)}-${slug([name])}.png`);
      await target.screenshot({ path, fullPage: true });
      return path;
    });
  },
});

export { expect };
