import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { go, InboxPage, login, ReviewTab } from './pages/review';

/**
 * Issue 9, point 8: a 1366×768 laptop at 200% zoom gives 683×384 CSS pixels. The inbox, the filing page and the
 * decision form must not scroll sideways, and every control must sit inside the window (or inside a box of its own
 * that scrolls, such as a wide table), so nothing is cut off or out of reach.
 */
test.use({ deskOptions: { demo: true } });
test.describe.configure({ timeout: 300_000 });

const ZOOMED = { width: 683, height: 384 };

interface Overflow {
  pageScrollsSideways: boolean;
  outside: string[];
}

/** Controls outside the viewport's width, leaving out those inside an element that scrolls sideways itself. */
async function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const inOwnScrollBox = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === 'auto' || o === 'scroll') && p.scrollWidth > p.clientWidth) return true;
      }
      return false;
    };
    const controls = [...document.querySelectorAll('button, a[href], input, textarea, select, [role="tab"], [role="radio"]')];
    const outside = controls
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
        if (el.closest('[data-hidden], [aria-hidden="true"]')) return false;
        return (r.left < -1 || r.right > window.innerWidth + 1) && !inOwnScrollBox(el);
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}]`,
      );
    return { pageScrollsSideways: doc.scrollWidth > doc.clientWidth + 1, outside };
  });
}

async function expectFits(page: Page, what: string, shot: (name: string) => Promise<string>) {
  await page.waitForTimeout(300);
  await shot(what);
  expect(await overflow(page), what).toEqual({ pageScrollsSideways: false, outside: [] });
}

test('at 200% zoom the inbox, the filing page and the decision form fit the window', async ({ deskPage: page, shot }) => {
  await login(page, 'hb');
  const inbox = new InboxPage(page);
  await inbox.open();
  const rows = await inbox.rows();
  const target = rows.find((r) => r.units.includes('hb'));
  expect(target, 'a filing waiting for hb').toBeTruthy();

  await page.setViewportSize(ZOOMED);
  // The side menu has folded behind a button that opens it.
  await expect(page.getByTestId('nav-burger')).toBeVisible();
  await expect(page.getByTestId('nav-inbox')).not.toBeInViewport();
  await expectFits(page, 'inbox', shot);
  // Columns keep a readable width (the table scrolls in its own box instead).
  const narrowest = await page
    .getByTestId('inbox-table')
    .locator('th')
    .evaluateAll((ths) => Math.min(...ths.map((th) => th.getBoundingClientRect().width)));
  expect(narrowest).toBeGreaterThanOrEqual(56);

  await go(page, `/filings/${target!.id}`);
  await expect(page.getByTestId('filing-page')).toBeVisible();
  await expectFits(page, 'filing-record', shot);
  await page.getByTestId('tab-materials').click();
  await expectFits(page, 'filing-materials', shot);

  const review = new ReviewTab(page);
  await review.open(target!.id);
  await expect(review.form).toBeVisible();
  await expectFits(page, 'decision-form', shot);
});
