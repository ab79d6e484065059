import { test, expect } from './fixtures';
import { go, login, rpc } from './pages/review';
import { translate } from '../../src/shared/i18n';

/**
 * Issue 9, points 4–7, by keyboard only (no mouse): the skip link and each screen's title, the bell's panel (takes
 * focus, Escape returns it, navigation closes it), a meeting opened from its row's link, and a refused submit that
 * puts focus on the first field in error.
 */
test.use({ deskOptions: { demo: true } });
test.describe.configure({ timeout: 300_000 });

const zh = (key: string) => translate('zh-CN', key);

test('skip link, titles, bell panel, meeting rows and refused submit work from the keyboard', async ({ deskPage: page, shot }) => {
  await login(page, 'clerk');
  await go(page, '/inbox');
  await expect(page).toHaveTitle(`${zh('rv.nav.inbox')} · ${zh('app.title')}`);

  // The first Tab reaches the skip link; Enter puts focus on the screen's content.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: zh('a11y.skip') });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // The bell: Enter opens the panel with focus inside, Escape closes it and gives focus back; navigation closes it.
  const bell = page.getByTestId('notification-bell');
  await bell.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('notification-panel');
  await expect(panel).toBeVisible();
  await expect.poll(() => panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await go(page, '/filings');
  await expect(panel).toBeHidden();

  // A meeting opens from its row by Tab and Enter on the row's link.
  const meetings = await rpc<{ id: number }[]>(page, 'meeting.list', {});
  const meetingId = meetings.value![0]!.id;
  await go(page, '/meetings');
  await page.getByTestId(`meeting-link-${meetingId}`).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/meetings/${meetingId}$`));

  // A submit the desk refuses (required fields empty) leaves focus on the first field in error.
  await go(page, '/filings/new');
  await page.getByTestId('f-applicant.name').focus();
  await page.keyboard.type('键盘提交测试有限公司');
  await expect(page).toHaveURL(/#\/filings\/\d+$/, { timeout: 15_000 });
  await page.getByTestId('filing-submit').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('submit-error')).toBeVisible();
  const firstInError = page.locator('[data-testid="filing-form"] [aria-invalid="true"]').first();
  await expect(firstInError).toBeFocused();
  await shot('refused-submit-focus');
});
