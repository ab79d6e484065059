import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { go, login, logout, rpc } from './pages/review';

/**
 * Issue 9, point 5: every dialog the desk opens gives the focus back to the control that opened it, when it is
 * closed with Esc and when it is closed with 取消. Keyboard only: each opener is focused and pressed with Enter.
 */
test.use({ deskOptions: { demo: true }, viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 300_000 });

/** Opens the dialog from `opener` twice: closes it once with Esc and once with its 取消 button. */
async function closesBackToOpener(page: Page, opener: Locator, name: string): Promise<void> {
  for (const how of ['Escape', '取消'] as const) {
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog, `${name} opens`).toBeVisible();
    if (how === 'Escape') await page.keyboard.press('Escape');
    else {
      await dialog.getByTestId('modal-cancel').focus();
      await page.keyboard.press('Enter');
    }
    await expect(dialog, `${name} closes on ${how}`).toHaveCount(0);
    await expect(opener, `${name}: focus back on its opener after ${how}`).toBeFocused();
  }
}

test('every dialog returns focus to its opener on Esc and on 取消', async ({ deskPage: page }) => {
  await login(page, 'admin');
  await closesBackToOpener(page, page.getByTestId('change-password'), 'change password');
  await go(page, '/accounts');
  await closesBackToOpener(page, page.getByTestId('account-new'), 'new account');
  await closesBackToOpener(page, page.getByTestId('account-reset-clerk'), 'reset password');
  await logout(page);

  await login(page, 'clerk');
  await go(page, '/followup');
  await expect(page.getByTestId('items-table')).toBeVisible();
  await closesBackToOpener(page, page.getByTestId('run-sweep'), 'sweep preview');
  await closesBackToOpener(page, page.locator('[data-testid^="item-supply-"]').first(), 'supply an item');

  await go(page, '/certificates');
  await closesBackToOpener(page, page.getByTestId('register-reissue').first(), 'reissue a certificate');
  await closesBackToOpener(page, page.getByTestId('register-revoke').first(), 'revoke a certificate');

  // A registered pilot whose run period is neither extended nor closed offers both run-period dialogs.
  const registered = await rpc<{ rows: { id: number }[] }>(page, 'filing.list', {
    query: '',
    states: ['registered'],
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'updatedAt',
    dir: 'desc',
    offset: 0,
    limit: 50,
  });
  let open: number | null = null;
  for (const { id } of registered.value!.rows) {
    const period = await rpc<{ extension: unknown; closure: unknown }>(page, 'followup.runPeriod', { filingId: id });
    if (period.ok && !period.value!.extension && !period.value!.closure) {
      open = id;
      break;
    }
  }
  expect(open, 'a registered pilot with an open run period').not.toBeNull();
  await go(page, `/filings/${open}`);
  await page.getByTestId('tab-followup').focus();
  await page.keyboard.press('Enter');
  await closesBackToOpener(page, page.getByTestId('run-extend'), 'extend the run period');
  await closesBackToOpener(page, page.getByTestId('run-close'), 'close the run period');

  await go(page, '/problems');
  await closesBackToOpener(page, page.getByTestId('problems-new'), 'new problem');
  await page.locator('[data-testid^="problem-pick-"]').first().focus();
  await page.keyboard.press('Space');
  await closesBackToOpener(page, page.getByTestId('problems-meeting'), 'new assignment meeting');
});
