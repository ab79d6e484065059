import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DeskShell } from './pages/desk-shell';

/**
 * Administration end to end: an admin creates a reviewer, disables them and the reviewer cannot sign in;
 * a settings change is saved and shown after a reload; a bad value is marked beside its field; the audit
 * chain verifies; a backup is taken. Screenshots of each admin screen go to artifacts/e2e/.
 */

const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'admin-pass-2026' };
const REVIEWER = { username: 'yj.zhou', displayName: '周明', password: 'reviewer-pass-2026' };

async function top(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('admin manages accounts, settings, audit and backups', async ({ deskPage: page, shot }) => {
  test.setTimeout(180_000);
  const shell = new DeskShell(page, 'zh-CN');
  await shell.createAdmin(ADMIN.username, ADMIN.displayName, ADMIN.password);

  // Accounts: create a reviewer of the emergency bureau.
  await page.getByTestId('nav-accounts').click();
  await expect(page.getByTestId('account-new')).toBeVisible();
  await page.getByTestId('account-new').click();
  await page.getByTestId('account-username').fill(REVIEWER.username);
  await page.getByTestId('account-displayName').fill(REVIEWER.displayName);
  await shell.choose('account-role', shell.t('role.reviewer'));
  await shell.choose('account-unit', /应急/);
  // A short password comes back from the server and lands beside its field.
  await page.getByTestId('account-password').fill('short');
  await page.getByTestId('account-submit').click();
  await expect(page.getByText(shell.t('v.password.short'))).toBeVisible();
  await shot('accounts-form-error');
  await page.getByTestId('account-password').fill(REVIEWER.password);
  await page.getByTestId('account-submit').click();
  const row = page.getByTestId(`account-row-${REVIEWER.username}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(shell.t('role.reviewer'));
  await expect(row).toContainText(shell.t('unit.yj'));
  await expect(page.getByTestId(`account-state-${REVIEWER.username}`)).toHaveText(shell.t('admin.accounts.active'));

  // Disable them.
  await page.getByTestId(`account-toggle-${REVIEWER.username}`).click();
  await expect(page.getByTestId(`account-state-${REVIEWER.username}`)).toHaveText(shell.t('admin.accounts.disabled'));
  await top(page);
  await shot('accounts');

  // Settings: change the certificate prefix and a time limit, save, and see both after a reload.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-certificate').click();
  const prefix = page.getByTestId('settings-certificate-prefix');
  await expect(prefix).toHaveValue('滨海化中试备');
  await prefix.fill('滨海区化中试备');
  await page.getByTestId('settings-policy-lock').check();
  await page.getByTestId('settings-tab-limits').click();
  await page.getByTestId('settings-timeLimits-reviewDays').fill('25');
  await expect(page.getByTestId('settings-dirty')).toBeVisible();
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-dirty')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('logout')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-limits').click();
  await expect(page.getByTestId('settings-timeLimits-reviewDays')).toHaveValue(/^25/);
  await page.getByTestId('settings-tab-certificate').click();
  await expect(page.getByTestId('settings-certificate-prefix')).toHaveValue('滨海区化中试备');
  await expect(page.getByTestId('settings-policy-lock')).toBeChecked();
  await expect(page.getByText('滨海区化中试备〔')).toBeVisible();
  await shot('settings-certificate');

  // A bad value is refused by the server and marked beside the field by its dotted path (materialTypes.9.maxDays).
  await page.getByTestId('settings-tab-materials').click();
  const maxDays = page.getByTestId('settings-material-9-maxDays');
  await maxDays.fill('999');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-error')).toBeVisible();
  await expect(page.getByTestId('settings-material-9').getByText(shell.t('v.tooBig', { max: 250 }))).toBeVisible();
  await expect(page.getByTestId('settings-tab-materials')).toContainText('1');
  await top(page);
  await shot('settings-materials-error');
  await page.getByTestId('settings-discard').click();
  await expect(maxDays).toHaveValue('30');
  await page.getByTestId('settings-tab-units').click();
  await shot('settings-units');
  await page.getByTestId('settings-tab-parks').click();
  await shot('settings-parks');
  await page.getByTestId('settings-tab-checklists').click();
  await shot('settings-checklists');

  // Audit: the chain verifies; the log shows the account and settings changes; a backup is taken.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  const verdict = page.getByTestId('audit-verify-result');
  await expect(verdict).toHaveAttribute('data-ok', 'true');
  await expect(verdict).toContainText(/审计链完整：共 \d+ 条/);
  await expect(page.getByTestId('audit-table')).toContainText('accounts.setDisabled');
  await expect(page.getByTestId('audit-table')).toContainText('settings.update');
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-table')).toBeVisible();
  await expect(page.getByTestId('backup-table')).toContainText('ok');
  // The backup is on the record at once.
  await expect(page.getByTestId('audit-table')).toContainText('backup.create');
  await expect(page.getByTestId('backup-restore-command')).toContainText('--data-dir');
  await shot('audit');

  // The disabled reviewer cannot sign in.
  await shell.logout();
  await page.getByTestId('login-username').fill(REVIEWER.username);
  await page.getByTestId('login-password').fill(REVIEWER.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByText(shell.t('auth.badCredentials')).first()).toBeVisible();
  await expect(page.getByTestId('logout')).toBeHidden();
  await shot('reviewer-refused');

  // Enabled again, they can.
  await shell.login(ADMIN.username, ADMIN.password);
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId(`account-toggle-${REVIEWER.username}`).click();
  await expect(page.getByTestId(`account-state-${REVIEWER.username}`)).toHaveText(shell.t('admin.accounts.active'));
  await shell.logout();
  await shell.login(REVIEWER.username, REVIEWER.password);
  await expect(page.getByTestId('nav-accounts')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
});

test('admin screens read in English, with no catalogue key showing', async ({ deskPage: page, shot }) => {
  test.setTimeout(120_000);
  const shell = new DeskShell(page, 'en');
  await shell.chooseLanguage();
  await shell.createAdmin(ADMIN.username, ADMIN.displayName, ADMIN.password);
  const noRawKeys = async () => {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b(admin|role|unit|v)\.[a-zA-Z]+/);
  };
  await page.getByTestId('nav-accounts').click();
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await noRawKeys();
  await shot('accounts-en');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-materials').click();
  await expect(page.getByTestId('settings-materials')).toContainText('Max days (working)');
  await expect(page.locator('[data-path="materialTypes.9.kind"]')).toHaveValue('Eligible');
  await noRawKeys();
  await shot('settings-materials-en');
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText(/Chain intact: \d+ entries, head [0-9a-f]{12}/);
  await noRawKeys();
  await shot('audit-en');
});
