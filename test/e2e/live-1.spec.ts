/**
 * live-1: two reviewers in two Chromium contexts, each signed in on a different instance of the district server (one
 * PostgreSQL database), see each other's decisions without reloading. Needs a PostgreSQL cluster:
 *   node scripts/pg-cluster.mjs run -- npx playwright test -c test/e2e/playwright.config.ts live-1.spec.ts
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { startServer, type ServerProcess } from '../helpers/server';
import { InboxPage, login, ReviewTab } from './pages/review';
import { artifactsDir } from './fixtures';
import { lostServerJourney } from './pages/connection-journey';
import { lostDraftJourney } from './pages/draft-journey';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const adminUrl = process.env.DESK_PG_URL;
test.skip(!adminUrl, 'live-1 needs PostgreSQL: run it through scripts/pg-cluster.mjs (DESK_PG_URL)');

let dir: string;
let servers: ServerProcess[] = [];
let args: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const name = `desk_live_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl!);
  u.pathname = `/${name}`;
  dir = mkdtempSync(join(tmpdir(), 'desk-live-'));
  args = ['--database', u.toString(), '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', dir];
  const a = await startServer([...args, '--demo']);
  servers = [a, await startServer(args)];
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function reviewerOn(browser: Browser, server: ServerProcess, unit: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await login(page, unit);
  return page;
}

test('a decision on one instance shows on a desk connected to the other within a few seconds, both ways', async ({ browser }) => {
  test.setTimeout(240_000);
  const [a, b] = servers as [ServerProcess, ServerProcess];
  const yj = await reviewerOn(browser, a, 'yj');
  const hb = await reviewerOn(browser, b, 'hb');

  // A round-1 filing on which neither unit has decided yet, as the inbox on A lists it.
  const inbox = new InboxPage(yj);
  await inbox.open();
  const target = (await inbox.rows()).find((r) => r.units.includes('yj') && r.stale.length === 0 && /第 1 轮/.test(r.round));
  expect(target, 'no round-1 filing waiting for yj').toBeTruthy();
  const onA = new ReviewTab(yj);
  const onB = new ReviewTab(hb);
  await onA.open(target!.id);
  await onB.open(target!.id);
  await expect(onB.section('hb')).toHaveAttribute('data-in-round', 'true');
  await expect(onB.section('yj').getByTestId('decision-yj')).toHaveCount(0);

  // yj decides on A: hb's screen on B follows without a reload (NOTIFY → B → its live stream).
  await onA.decide({ decision: 'approve' });
  await expect(onB.section('yj').getByTestId('decision-yj').first()).toHaveAttribute('data-decision', 'approve', { timeout: 5_000 });
  await hb.screenshot({ path: join(artifactsDir, 'live-1-b-sees-a.png') });

  // And back: hb decides on B, yj's screen on A follows.
  await onB.decide({ decision: 'approve' });
  await expect(onA.section('hb').getByTestId('decision-hb').first()).toHaveAttribute('data-decision', 'approve', { timeout: 5_000 });
  await yj.screenshot({ path: join(artifactsDir, 'live-1-a-sees-b.png') });
});

test('a desk that loses its server shows it, keeps the typed decision, reconnects by itself and reloads; an ended session asks to sign in again', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const yj = await reviewerOn(browser, servers[0]!, 'yj');
  await lostServerJourney(yj, servers[0]!, servers[1]!, async (port) => {
    const again = args.map((x) => (x === '127.0.0.1:0' ? `127.0.0.1:${port}` : x));
    return (servers[0] = await startServer(again));
  });
});

test('a draft typed while the server is lost says it is not saved, and is saved by itself once the server is back', async ({ browser }) => {
  test.setTimeout(90_000);
  const clerk = await reviewerOn(browser, servers[0]!, 'clerk');
  await lostDraftJourney(clerk, servers[0]!, servers[1]!, async (port) => {
    const again = args.map((x) => (x === '127.0.0.1:0' ? `127.0.0.1:${port}` : x));
    return (servers[0] = await startServer(again));
  });
});
