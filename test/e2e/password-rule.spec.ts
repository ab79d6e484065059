import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DeskShell } from './pages/desk-shell';
import type { Lang } from '../../src/shared/i18n';

/**
 * The password forms call the desk's own rule (src/shared/domain/password.ts) and show the reason beside the field
 * before anything is sent: `aaaaaaaaaa` and the username itself never reach the server from set-up or a new account.
 */

/** Counts the calls the page sends on a channel, so the test can show the form sent nothing. */
function callsTo(page: Page, channel: string): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === `/rpc/${channel}`) n++;
  });
  return () => n;
}

const ADMIN = { username: 'administrator', displayName: '系统管理员', password: 'Tangerine-Vessel-Orbit-41' };

for (const lang of ['zh-CN', 'en'] as Lang[]) {
  test(`password forms show the desk's rule beside the field without sending (${lang})`, async ({ deskPage: page, shot }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    const shell = new DeskShell(page, lang);
    await shell.chooseLanguage();
    const setups = callsTo(page, 'auth.setup');
    const creates = callsTo(page, 'accounts.create');
    const changes = callsTo(page, 'auth.changePassword');
    const beside = (testId: string, key: string) =>
      expect(page.getByTestId(testId).locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")][1]')).toContainText(
        shell.t(key),
      );

    // Set-up: a repeated character, then the username itself, each refused beside the field on leaving it and at submit.
    await page.getByTestId('setup-username').fill(ADMIN.username);
    await page.getByTestId('setup-displayName').fill(ADMIN.displayName);
    await page.getByTestId('setup-password').fill('aaaaaaaaaa');
    await page.getByTestId('setup-confirm').click();
    await beside('setup-password', 'v.password.weak');
    await page.getByTestId('setup-confirm').fill('aaaaaaaaaa');
    await page.getByTestId('setup-submit').click();
    await beside('setup-password', 'v.password.weak');
    await shot(`setup-weak-1366-${lang}`);
    await page.getByTestId('setup-password').fill(ADMIN.username);
    await page.getByTestId('setup-confirm').fill(ADMIN.username);
    await page.getByTestId('setup-submit').click();
    await beside('setup-password', 'v.password.username');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(`setup-username-1280-${lang}`);
    expect(setups()).toBe(0);

    // A password the rule accepts clears the message and goes through.
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('logout')).toBeVisible({ timeout: 20_000 });
    expect(setups()).toBe(1);

    // New account: the same rule, with the new account's own name.
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-new').click();
    await page.getByTestId('account-username').fill('inspector2026');
    await page.getByTestId('account-displayName').fill('周明');
    await page.getByTestId('account-password').fill('inspector2026');
    await page.getByTestId('account-displayName').click();
    await beside('account-password', 'v.password.username');
    await page.getByTestId('account-password').fill('aaaaaaaaaa');
    await page.getByTestId('account-submit').click();
    await beside('account-password', 'v.password.weak');
    await shot(`account-weak-1280-${lang}`);
    expect(creates()).toBe(0);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: shell.t('admin.cancel') })
      .click();

    // One's own password, from the header: the same rule, with one's own name.
    await page.getByTestId('change-password').click();
    await page.getByTestId('password-current').fill(ADMIN.password);
    await page.getByTestId('password-next').fill(ADMIN.username);
    await page.getByTestId('password-confirm').click();
    await beside('password-next', 'v.password.username');
    await page.getByTestId('password-next').fill('aaaaaaaaaa');
    await page.getByTestId('password-confirm').fill('aaaaaaaaaa');
    await page.getByTestId('password-submit').click();
    await beside('password-next', 'v.password.weak');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(`change-weak-1366-${lang}`);
    expect(changes()).toBe(0);
    await page.getByTestId('password-next').fill('Marble-Lantern-Quiver-73');
    await page.getByTestId('password-confirm').fill('Marble-Lantern-Quiver-73');
    await page.getByTestId('password-submit').click();
    await expect(page.getByText(shell.t('shell.passwordChanged'))).toBeVisible();
    expect(changes()).toBe(1);
  });
}
