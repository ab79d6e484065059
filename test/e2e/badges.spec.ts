import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { login } from './pages/review';

/**
 * Issue 15 §13: on a 1366 px laptop no status badge is cut ("IN FO…", "逾期 53 个工…"), in either language, on the
 * certificate register (which also shows closed pilots' certificates as no longer in force) and the filings list.
 */
test.use({ deskOptions: { demo: true }, viewport: { width: 1366, height: 768 } });

/** Badges, and anything that ends in an ellipsis, whose text does not fit their box. */
async function truncated(page: Page): Promise<{ count: number; cut: string[] }> {
  return page
    .locator('main, body')
    .first()
    .evaluate((root) => {
      const els = [...root.querySelectorAll<HTMLElement>('*')].filter(
        (el) => el.matches('.mantine-Badge-root, .mantine-Badge-label') || getComputedStyle(el).textOverflow === 'ellipsis',
      );
      const cut = els
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${el.className.toString().slice(0, 40)} "${el.textContent!.trim()}" ${el.scrollWidth}>${el.clientWidth}`);
      return { count: els.filter((el) => el.matches('.mantine-Badge-root')).length, cut };
    });
}

test('no status badge truncates at 1366 px on the register and the filings list, in both languages', async ({ deskPage: page, shot }) => {
  test.setTimeout(120_000);
  await login(page, 'clerk');
  for (const lang of ['zh-CN', 'en'] as const) {
    await page
      .getByTestId('lang-switch')
      .getByText(lang === 'en' ? 'EN' : '中文')
      .click();

    await page.getByTestId('nav-certificates').click();
    await expect(page.locator('[data-testid^="register-row-"]').first()).toBeVisible();
    // The demo register holds certificates in force and ones of closed pilots, no longer in force.
    await expect(page.locator('[data-testid="cert-status"][data-status="issued"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="cert-status"][data-status="closed"]').first()).toBeVisible();
    const register = await truncated(page);
    expect(register.count).toBeGreaterThan(0);
    expect(register.cut, `register ${lang}`).toEqual([]);
    await shot(`register-${lang}`);

    await page.getByTestId('nav-filings').click();
    await expect(page.getByTestId('filing-row').first()).toBeVisible();
    const list = await truncated(page);
    expect(list.count).toBeGreaterThan(0);
    expect(list.cut, `filings ${lang}`).toEqual([]);
    await shot(`filings-${lang}`);
  }
});
