import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './fixtures';
import { DeskShell } from './pages/desk-shell';
import { go, login, logout, rpc } from './pages/review';
import { catalogues, type Lang } from '../../src/shared/i18n';

/**
 * Issue 9, point 11 and the rest of 7: the reviewer's workspace at 1366×768 in both languages. From the inbox a
 * reviewer lands on their unit's review, sees the facts and papers their unit covers beside the checklist, opens a
 * paper in place, and the decision bar stays on screen; a review card never shows a catalogue key or a raw code; a
 * failed list load offers a retry; a slow export shows that it runs and can be cancelled, focus staying put.
 */
test.use({ deskOptions: { demo: true }, viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 400_000 });

interface InboxRow {
  filingId: number;
  work: string;
  sections: string[];
  state: string;
}

/** Window-sized shot (the sticky bar is the point; a full-page shot would move it to the page's end). */
const windowShot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `workspace-${name}.png`) });

async function inViewport(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

/** Text on the screen that is a catalogue key, or a Latin code shown as a label (as "opinion：" was). */
async function rawKeys(page: Page, testId: string): Promise<string[]> {
  const text = await page.getByTestId(testId).innerText();
  const keys = Object.keys(catalogues['zh-CN']).filter((k) => k.includes('.') && text.includes(k));
  // A code where a label belongs: at a line's start or after the round's "·", followed by a colon.
  const codes = [...text.matchAll(/(?:^|[\n·]\s*)([a-z][a-zA-Z_]+[：:])/gm)].map((m) => m[1]!);
  return [...keys, ...codes];
}

test('the reviewer decides in one workspace, in Chinese and in English', async ({ deskPage: page }) => {
  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    const shell = new DeskShell(page, lang);
    await expect(page.getByTestId('login-username')).toBeVisible();
    await shell.chooseLanguage();
    await login(page, 'hb');
    await go(page, '/inbox');
    const inbox = await rpc<InboxRow[]>(page, 'review.inbox', {});
    const row = inbox.value!.find((r) => r.work === 'review' && r.state === 'in_review' && r.sections.includes('hb'));
    expect(row, 'a filing waiting for hb').toBeTruthy();

    // From the inbox by keyboard: the row's link, Enter; the filing opens on the unit's review, not the record.
    await page.getByTestId(`inbox-row-${row!.filingId}`).getByRole('link').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tab-review')).toHaveAttribute('aria-selected', 'true');
    const workspace = page.getByTestId('review-workspace');
    await expect(workspace.getByTestId('section-hb')).toBeVisible();
    await expect(workspace.getByTestId('decision-form')).toBeVisible();

    // Beside the checklist: the facts hb covers (the Settings table) and hb's papers.
    const facts = page.getByTestId('unit-facts');
    await expect(facts.locator('[data-field="project.throughputTpa"]')).toBeVisible();
    await expect(facts.locator('[data-field="project.eiaCategory"]')).toBeVisible();
    await expect(facts.locator('[data-field="project.bay"]')).toHaveCount(0); // location is yj, gh, yq
    await expect(facts).toContainText(shell.t('ff.project.throughputTpa'));
    // Choices show their words, never their stored codes (环评类别 "registration" on a Chinese screen).
    await expect(facts.locator('[data-field="project.eiaCategory"] td')).not.toHaveText(/^[a-z]+$/);
    expect(await rawKeys(page, 'unit-desk')).toEqual([]);
    const form = await page.getByTestId('decision-form').boundingBox();
    const desk = await page.getByTestId('unit-desk').boundingBox();
    expect(desk!.x, 'the unit desk sits beside the form, not below it').toBeGreaterThan(form!.x + form!.width - 1);

    // The decision bar is on screen at once and stays there while the checklist scrolls past.
    expect(await inViewport(page, 'decision-submit'), 'submit on screen without scrolling').toBe(true);
    await windowShot(page, `${lang}-1366`);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(200);
    expect(await inViewport(page, 'decision-submit'), 'submit on screen after scrolling').toBe(true);

    // A paper opens in place, beside the checklist: no tab switch.
    const paper = page.locator('[data-testid^="unit-paper-"][aria-pressed]').first();
    await paper.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('unit-paper-preview').locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('tab-review')).toHaveAttribute('aria-selected', 'true');
    await expect(paper).toBeFocused();
    await page.evaluate(() => window.scrollTo(0, 0));
    await windowShot(page, `${lang}-1366-paper`);

    // A checklist item names the papers it answers (Settings); one opens in place, in the row right under its item,
    // and Esc closes it with the focus back on the item's button.
    const itemPaper = page.getByTestId('decision-form').locator('[data-testid^="check-paper-"]').first();
    const item = (await itemPaper.getAttribute('data-testid'))!.split('-').slice(2, -1).join('-');
    await expect(page.getByTestId(`check-papers-${item}`).locator('[data-state="present"]').first()).toBeVisible();
    await itemPaper.focus();
    await page.keyboard.press('Enter');
    const preview = page.getByTestId(`check-preview-${item}`);
    await expect(preview.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    const itemRow = await page.getByTestId(`check-${item}`).boundingBox();
    const previewBox = await preview.boundingBox();
    expect(Math.abs(previewBox!.y - (itemRow!.y + itemRow!.height)), 'the paper opens right under its item').toBeLessThan(16);
    // The shot shows the item, its papers and the top of the opened one (below the desk's header).
    await page.getByTestId(`check-${item}`).evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -64);
    });
    await windowShot(page, `${lang}-1366-checklist-paper`);
    await page.getByTestId('check-preview-close').focus();
    await page.keyboard.press('Escape');
    await expect(preview).toHaveCount(0);
    await expect(itemPaper).toBeFocused();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await windowShot(page, `${lang}-1920`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await logout(page);
  }
});

test('review cards show words, never catalogue keys or codes, in both languages', async ({ deskPage: page }) => {
  await login(page, 'clerk');
  // A filing back in round 2 after yj asked for revision: yj's open comment is carried over.
  const list = await rpc<{ rows: { id: number }[] }>(page, 'filing.list', {
    query: '',
    states: ['in_review'],
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'filingNo',
    dir: 'asc',
    offset: 0,
    limit: 50,
  });
  let carried: number | null = null;
  for (const f of list.value!.rows) {
    const r = await rpc<{ sections: { section: string; carriedOver: { code: string }[] }[] }>(page, 'review.get', { filingId: f.id });
    if (r.value!.sections.some((s) => s.carriedOver.some((c) => c.code === 'opinion'))) {
      carried = f.id;
      break;
    }
  }
  expect(carried, 'a demo filing with a carried-over open comment').not.toBeNull();
  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    const shell = new DeskShell(page, lang);
    await shell.chooseLanguage();
    await go(page, `/filings/${carried}`);
    await page.getByTestId('tab-review').click();
    await expect(page.getByTestId('carried-yj')).toContainText(shell.t('rv.openComment'));
    expect(await rawKeys(page, 'review-tab')).toEqual([]);
  }
});

test('toasts leave the focused control free; a failed list offers a retry; a slow export can be cancelled', async ({ deskPage: page }) => {
  await login(page, 'clerk');
  // The due-items summary after signing in sits bottom-right; the list's rows (full width) pass under it as Tab moves
  // down the list. Whenever a toast covers the focused row, it has moved away within a frame or two.
  await go(page, '/filings');
  const toast = page.locator('.mantine-Notifications-notification').first();
  await expect(toast).toBeVisible();
  await expect(page.getByTestId('filing-row').first()).toBeVisible();
  await page.getByTestId('filing-row').nth(8).focus();
  let passedUnder = 0;
  for (let i = 0; i < 14 && (await toast.isVisible()); i++) {
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const f = document.activeElement!.getBoundingClientRect();
          return [...document.querySelectorAll('.mantine-Notifications-notification')].some((n) => {
            const r = n.getBoundingClientRect();
            return r.left < f.right && f.left < r.right && r.top < f.bottom && f.top < r.bottom;
          });
        }),
      )
      .toBe(false);
    const box = await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom);
    if (box > 768 - 150) passedUnder++;
  }
  expect(passedUnder, 'rows reached the toast corner while it showed').toBeGreaterThan(0);

  // The first load of the list fails on the wire; the list says so and offers a retry, not "no filings match".
  // A fresh window (reloaded), so the list is asked of the desk and not answered from the window's query cache.
  await go(page, '/filings');
  let failures = 1;
  await page.route('**/rpc/filing.list', (route) => (failures-- > 0 ? route.abort('failed') : route.continue()));
  await page.reload();
  await expect(page.getByTestId('list-error')).toBeVisible();
  await expect(page.getByTestId('filings-empty')).toHaveCount(0);
  await page.getByTestId('list-retry').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('list-error')).toHaveCount(0);
  await expect(page.getByTestId('filing-row').first()).toBeVisible();
  await page.unroute('**/rpc/filing.list');

  // A slow export: progress shows, focus stays on the menu's button, and cancelling stops it on the desk's side.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/rpc/export.create', async (route) => {
    await held;
    await route.continue();
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await go(page, '/followup');
  const button = page.getByTestId('export-menu');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-filings-csv')).toBeVisible();
  await page.getByTestId('export-filings-csv').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  // A bar and a status line; the run's id goes with the request, so the cancel reaches the desk.
  await expect(page.getByTestId('export-progress-bar')).toBeVisible();
  await expect(page.getByTestId('export-progress-text')).not.toBeEmpty();
  const cancelled = page.waitForResponse('**/rpc/export.cancel');
  await page.getByTestId('export-cancel').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-progress')).toHaveCount(0);
  await expect(button).toBeFocused();
  expect(await (await cancelled).json()).toMatchObject({ ok: true, value: { cancelled: true } });
  // The held request now reaches the desk, which refuses to run what was cancelled: no file is made.
  const refused = page.waitForResponse('**/rpc/export.create');
  release();
  expect(await (await refused).json()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  await page.waitForTimeout(500);
  expect(downloads, 'a cancelled export is not saved').toBe(0);
});
