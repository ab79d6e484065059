import { test, expect } from './fixtures';
import { DEMO_PASSWORD, go, rpc } from './pages/review';

/**
 * Issue 11 end to end: the administrator edits the enterprise-problem tables of Settings — a new department, a
 * category set inactive, the city-level deadline — the form refuses what the desk would (a review unit set
 * inactive) before sending, and the saved tables are what the desk now answers. Screenshots in both languages.
 */
test('the administrator edits departments, categories and deadlines by grade', async ({ deskPage: page, shot }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  expect((await rpc(page, 'auth.setup', { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD })).ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await go(page, '/settings');
  await page.getByTestId('settings-tab-problems').click();
  const section = page.getByTestId('settings-problems');
  await expect(section).toBeVisible();

  // The coordinating department (sp) set inactive: the form says why, nothing is sent.
  const sp = section.locator('[data-testid="ps-departments"] tr[data-code="sp"]');
  await sp.getByRole('checkbox').uncheck();
  await page.getByTestId('ps-save').click();
  await expect(sp).toContainText('审查单位和统筹部门必须保持启用');
  await sp.getByRole('checkbox').check();

  await page.getByTestId('ps-limit-city').fill('30');
  await page.getByTestId('ps-departments-add').click();
  const n = await section.locator('[data-testid="ps-departments"] tbody tr').count();
  await page.getByTestId(`ps-departments-${n - 1}-code`).fill('fgw');
  await page.getByTestId(`ps-departments-${n - 1}-nameZh`).fill('区发展和改革局');
  await page.getByTestId(`ps-departments-${n - 1}-nameEn`).fill('Development and Reform Bureau');
  await section.locator('[data-testid="ps-categories"] tr[data-code="finance"]').getByRole('checkbox').uncheck();
  await page.getByTestId('ps-save').click();
  await expect(page.getByTestId(`ps-departments-${n - 1}-code`)).toBeDisabled(); // saved: its code is now fixed
  await shot('settings-problems-zh');

  const s = await rpc<{
    departments: { code: string; active: boolean }[];
    categories: { code: string; active: boolean }[];
    policy: { limits: { city: number } };
  }>(page, 'problem.settings', {});
  expect(s.value!.policy.limits.city).toBe(30);
  expect(s.value!.departments.find((d) => d.code === 'fgw')?.active).toBe(true);
  expect(s.value!.categories.find((c) => c.code === 'finance')?.active).toBe(false);

  await page.getByTestId('lang-switch').getByText('EN').click();
  await expect(section.getByText('Deadlines (working days) and reporting')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot('settings-problems-en');
});
