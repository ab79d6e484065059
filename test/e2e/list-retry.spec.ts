import { test, expect } from './fixtures';
import { go, login } from './pages/review';

/**
 * Issue 9, point 11: every list that loads offers a retry when its load fails, instead of reading as an empty list
 * (one shared component, LoadError). Each list's first load fails on the wire in a fresh window (so the answer is
 * asked of the desk, not of the window's query cache); the retry is reached and pressed by keyboard and the list
 * then shows its rows.
 */
test.use({ deskOptions: { demo: true } });
test.describe.configure({ timeout: 240_000 });

const LISTS = [
  { path: '/certificates', channel: 'certificate.list', rows: '[data-testid^="register-row-"]' },
  { path: '/meetings', channel: 'meeting.list', rows: '[data-testid="meetings-table"] tbody tr' },
  { path: '/problems', channel: 'problem.list', rows: '[data-testid="problems-table"] tbody tr' },
  { path: '/followup', channel: 'followup.list', rows: '[data-testid="items-table"] tbody tr' },
  { path: '/audit', channel: 'audit.list', rows: '[data-testid^="audit-row-"]' },
  { path: '/accounts', channel: 'accounts.list', rows: '[data-testid^="account-row-"]' },
] as const;

test('every list that fails to load offers a retry, and the retry loads it', async ({ deskPage: page }) => {
  await login(page, 'admin');
  for (const list of LISTS) {
    await go(page, list.path);
    let failures = 1;
    await page.route(`**/rpc/${list.channel}`, (route) => (failures-- > 0 ? route.abort('failed') : route.continue()));
    await page.reload();
    const error = page.getByTestId('list-error');
    await expect(error, list.path).toBeVisible();
    await expect(page.locator(list.rows), list.path).toHaveCount(0);
    await error.getByTestId('list-retry').focus();
    await page.keyboard.press('Enter');
    await expect(error, list.path).toHaveCount(0);
    await expect(page.locator(list.rows).first(), list.path).toBeVisible();
    await page.unroute(`**/rpc/${list.channel}`);
  }

  // The bell's list: its panel says the load failed and offers the same retry, not "nothing due".
  let failures = 1;
  await page.route('**/rpc/followup.notifications', (route) => (failures-- > 0 ? route.abort('failed') : route.continue()));
  await page.reload();
  await page.getByTestId('notification-bell').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('notification-panel');
  await expect(panel.getByTestId('list-error')).toBeVisible();
  await expect(panel.getByTestId('notification-item')).toHaveCount(0);
  await panel.getByTestId('list-retry').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('list-error')).toHaveCount(0);
  await expect(panel.getByTestId('notification-item').first()).toBeVisible();
});
