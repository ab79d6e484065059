/**
 * A desk that loses the district server (issue 16 item 4, "bad input and faults"; reliability.md live-1's "a dropped
 * connection is shown, reconnects and reloads"), run by live-1.spec.ts on its two instances: the server process is
 * killed under a half-written decision, the banner says so at once, a submit fails beside the form with the text kept,
 * and when the server is started again (same database, same port) the desk reconnects by itself, reloads what changed
 * meanwhile (a decision made through the other instance) and the same text is sent. Then a session ended by the
 * administrator: a sign-in prompt over the screen, and the typed text still there after signing in again.
 */
import { expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ServerClient, type ServerProcess } from '../../helpers/server';
import { artifactsDir } from '../fixtures';
import { DEMO_PASSWORD, InboxPage, ReviewTab } from './review';

/** hb's approval of the filing, sent through instance B while A is down. */
async function hbApprovesOn(b: ServerProcess, filingId: number): Promise<void> {
  const hb = new ServerClient(b.url);
  await hb.login('hb', DEMO_PASSWORD);
  const view = await hb.ok('review.get', { filingId });
  const settings = await hb.ok('settings.get');
  await hb.ok('review.decide', {
    filingId,
    section: 'hb',
    round: view.currentRound,
    filingVersion: view.filingVersion,
    decision: 'approve',
    opinion: '',
    notInvolvedReason: '',
    checklist: settings.checklists.hb.map((i: { code: string }) => ({ code: i.code, result: 'pass', note: '' })),
    conditions: [],
    idempotencyKey: randomUUID().replace(/-/g, ''),
  });
}

/**
 * The journey on a desk (`yj`, signed in as the yj reviewer on instance `a`): `a` is killed under a half-written
 * decision and started again by `restartA` (same database, same port) while `b` stays up.
 */
export async function lostServerJourney(yj: Page, a: ServerProcess, b: ServerProcess, restartA: (port: number) => Promise<ServerProcess>) {
  const inbox = new InboxPage(yj);
  await inbox.open();
  const rows = await inbox.rows();
  const waiting = rows.filter((r) => r.units.includes('yj') && r.stale.length === 0 && /第 1 轮/.test(r.round));
  // The first of them on which hb, too, has yet to decide; and another for the session case.
  const hb = new ServerClient(b.url);
  await hb.login('hb', DEMO_PASSWORD);
  const hbWaits = async (id: number) => {
    const s = (await hb.ok('review.get', { filingId: id })).sections.find((x: { section: string }) => x.section === 'hb');
    return s?.inRound === true && !s.current;
  };
  const target = (await Promise.all(waiting.map(async (r) => ((await hbWaits(r.id)) ? r : null)))).find((r) => r !== null);
  expect(target, 'a round-1 filing waiting for yj and hb').toBeTruthy();
  const second = waiting.find((r) => r.id !== target!.id)!;
  expect(second, 'another round-1 filing waiting for yj').toBeTruthy();

  const review = new ReviewTab(yj);
  await review.open(target!.id);
  await expect(review.section('hb').getByTestId('decision-hb')).toHaveCount(0);
  const opinion = '现场核查意见：危险工艺自控系统已按要求设置（断线前输入）。';
  await review.form.getByTestId('checklist-all-pass').click();
  await review.form.getByTestId('decision-approve-radio').check();
  await review.form.getByTestId('decision-opinion').fill(opinion);

  // The server process dies: the live stream breaks and the banner shows within a few seconds.
  const port = a.port;
  a.child.kill('SIGKILL');
  await new Promise((r) => a.child.once('exit', r));
  const banner = yj.getByTestId('connection-banner');
  await expect(banner).toBeVisible({ timeout: 5_000 });
  await expect(banner).toContainText('连接已中断');
  await expect(yj.getByTestId('connection-status')).toHaveAttribute('role', 'status');
  await yj.screenshot({ path: join(artifactsDir, 'connection-lost-zh.png') });
  // The same banner in English, on a projector-sized screen; then back to Chinese.
  await yj.setViewportSize({ width: 1280, height: 720 });
  await yj.getByTestId('lang-switch').getByText('EN').click();
  await expect(banner).toContainText('connection to the server is lost');
  await yj.screenshot({ path: join(artifactsDir, 'connection-lost-en.png') });
  await yj.getByTestId('lang-switch').getByText('中文').click();
  await yj.setViewportSize({ width: 1366, height: 768 });

  // A submit while lost fails beside the form, nothing queued, and the text stays exactly as typed.
  await expect(review.form.getByTestId('decision-opinion')).toHaveValue(opinion);
  await review.form.getByTestId('decision-submit').click();
  await expect(review.form.getByTestId('decision-error')).toContainText('无法连接到服务器');
  await expect(review.form.getByTestId('decision-opinion')).toHaveValue(opinion);

  // Meanwhile hb decides on the other instance; no live event can reach the lost desk.
  await hbApprovesOn(b, target!.id);

  // The server again, same database and port: the desk reconnects by itself and reloads what changed.
  await restartA(port);
  await expect(yj.getByTestId('connection-status')).toHaveAttribute('data-phase', /back|online/, { timeout: 15_000 });
  await expect(review.section('hb').getByTestId('decision-hb').first()).toHaveAttribute('data-decision', 'approve', { timeout: 5_000 });
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(review.form.getByTestId('decision-opinion')).toHaveValue(opinion);
  await review.form.getByTestId('decision-submit').click();
  await expect(review.form).toHaveCount(0);
  await expect(review.section('yj').getByTestId('decision-yj').first()).toHaveAttribute('data-decision', 'approve');

  // A session ended elsewhere (the administrator disables the account, then enables it again).
  await review.open(second.id);
  const kept = '补充意见：请企业补充应急预案评审意见（会话结束前输入）。';
  await review.form.getByTestId('checklist-all-pass').click();
  await review.form.getByTestId('decision-approve-radio').check();
  await review.form.getByTestId('decision-opinion').fill(kept);
  const admin = new ServerClient(b.url);
  await admin.login('admin', DEMO_PASSWORD);
  const account = (await admin.ok<{ id: number; username: string }[]>('accounts.list')).find((x) => x.username === 'yj')!;
  await admin.ok('accounts.setDisabled', { id: account.id, disabled: true });
  await admin.ok('accounts.setDisabled', { id: account.id, disabled: false });

  await review.form.getByTestId('decision-submit').click();
  const prompt = yj.getByTestId('sign-in-again-password');
  await expect(prompt).toBeVisible();
  await yj.screenshot({ path: join(artifactsDir, 'connection-signin-again-zh.png') });
  await prompt.fill(DEMO_PASSWORD);
  await yj.getByTestId('sign-in-again-submit').click();
  await expect(prompt).toHaveCount(0);
  await expect(review.form.getByTestId('decision-opinion')).toHaveValue(kept);
  await review.form.getByTestId('decision-submit').click();
  await expect(review.form).toHaveCount(0);
  await expect(review.section('yj').getByTestId('decision-yj').first()).toHaveAttribute('data-decision', 'approve');
}
