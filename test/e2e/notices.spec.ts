import { join } from 'node:path';
import { test, expect, artifactsDir } from './fixtures';
import { go, login, rpc } from './pages/review';

/**
 * Issue 14 point 8 on screen: a demo filing returned for correction lists its correction notice on the filing page,
 * with its date, and opens the PDF kept as issued. Screenshots at 1366x768 and 1280x720, in both languages.
 */
test.use({ deskOptions: { demo: true } });

test('the filing page lists every issued notice with its date and opens it as issued', async ({ deskPage: page }) => {
  test.setTimeout(180_000);
  await login(page, 'clerk');
  const list = await rpc<{ rows: { id: number }[] }>(page, 'filing.list', {
    query: '',
    states: ['correction_requested'],
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'updatedAt',
    dir: 'desc',
    offset: 0,
    limit: 1,
  });
  const id = list.value!.rows[0]!.id;
  await go(page, `/filings/${id}`);
  await page.getByTestId('tab-certificates').click();
  const notices = page.getByTestId('issued-notices');
  await expect(notices).toBeVisible();
  const row = notices.locator('tr[data-kind="correction"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('补正材料一次性告知书');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await page.getByTestId('notice-correction').click();
  const preview = page.getByTestId('pdf-preview-notice');
  await expect(preview).toHaveAttribute('data-loading', 'false', { timeout: 30_000 });
  await expect(preview.locator('canvas').first()).toBeVisible();
  for (const [w, h] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await notices.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, `notices-list-zh-${w}.png`) });
  }
  await page.getByText('EN', { exact: true }).click();
  await expect(row).toContainText('One-time correction notice');
  await notices.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'notices-list-en-1280.png') });
});
