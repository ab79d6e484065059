import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './fixtures';
import { DeskShell } from './pages/desk-shell';
import { go, login, logout, rpc } from './pages/review';
import type { Lang } from '../../src/shared/i18n';

/**
 * Issue 9, point 9: axe-core (WCAG 2.0 A/AA and 2.1 AA) on every screen of the desk (the problems screens too), in both languages, reports no
 * critical and no serious violation. One pass per language over one demo desk keeps this cheap; the findings of each
 * screen are written to artifacts/e2e/axe-<lang>.json so a regression names the screen, the rule and the element.
 */
test.use({ deskOptions: { demo: true } });
// Set for the file so the demo desk's start counts against it too.
test.describe.configure({ timeout: 600_000 });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  /** What axe saw at the first element (colours and ratio for contrast). */
  first: string;
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader')).toHaveCount(0, { timeout: 15_000 });
  // Transitions (tab underline, a toast fading in) finish before colours are measured: a colour caught half-way
  // through a fade is a blend of text and background, not what the user reads. A toast may start a moment after the
  // page, so the page must be still twice in a row.
  let still = 0;
  for (let i = 0; i < 40 && still < 2; i++) {
    await page.waitForTimeout(150);
    const running = await page.evaluate(
      () =>
        document
          .getAnimations()
          .filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity)).length,
    );
    still = running === 0 ? still + 1 : 0;
  }
}

async function audit(page: Page, screen: string, into: Finding[]): Promise<void> {
  await settle(page);
  // A toast that starts fading out while axe measures would read as a blend of text and background: while it
  // measures, transitions jump to their end, so every colour is one the user reads at rest (or the element is gone).
  const still = await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await still.evaluate((el) => (el as Element).remove());
  for (const v of result.violations)
    if (v.impact === 'critical' || v.impact === 'serious')
      into.push({
        screen,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        first: v.nodes[0]?.failureSummary ?? '',
      });
}

async function firstFiling(page: Page, states: string[]): Promise<number> {
  const r = await rpc<{ rows: { id: number }[] }>(page, 'filing.list', {
    query: '',
    states,
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'filingNo',
    dir: 'asc',
    offset: 0,
    limit: 1,
  });
  expect(r.value?.rows.length, `a demo filing in ${states.join('/')}`).toBeGreaterThan(0);
  return r.value!.rows[0]!.id;
}

/** The enterprise problems: the list, a problem's page with its map, the common blockages, an assignment meeting. */
async function problemScreens(page: Page, visit: (screen: string, path: string) => Promise<void>): Promise<void> {
  const list = await rpc<{ rows: { id: number }[] }>(page, 'problem.list', {
    states: [],
    lead: null,
    category: null,
    grade: null,
    causeClass: null,
    causeUnit: null,
    overdueOnly: false,
    reassignedOnly: false,
    unsatisfiedOnly: false,
    mineOnly: false,
    offset: 0,
    limit: 50,
  });
  const ids = list.value?.rows.map((r) => r.id) ?? [];
  expect(ids.length, 'demo problems').toBeGreaterThan(0);
  await visit('problems', '/problems');
  let meetingId: number | null = null;
  for (const problemId of ids) {
    const p = await rpc<{ assignments: { meetingId: number | null }[] }>(page, 'problem.get', { problemId });
    meetingId = p.value?.assignments.find((a) => a.meetingId !== null)?.meetingId ?? null;
    if (meetingId !== null) break;
  }
  await go(page, `/problems/${ids[0]}`);
  // The map draws after the page: measured once it is there.
  await expect(page.getByTestId('problem-map').locator('svg').first()).toBeVisible({ timeout: 15_000 });
  await visit('problem (with its map)', `/problems/${ids[0]}`);
  await visit('common blockages', '/problems/blockages');
  expect(meetingId, 'a demo problem dispatched at an assignment meeting').not.toBeNull();
  await visit('assignment meeting', `/problems/meeting/${meetingId}`);
}

async function everyScreen(page: Page, lang: Lang): Promise<Finding[]> {
  const shell = new DeskShell(page, lang);
  const found: Finding[] = [];
  const visit = async (screen: string, path: string) => {
    await go(page, path);
    await audit(page, screen, found);
  };

  await expect(page.getByTestId('login-username')).toBeVisible();
  await shell.chooseLanguage();
  await audit(page, 'login', found);

  await login(page, 'admin');
  for (const screen of ['accounts', 'settings', 'audit']) await visit(screen, `/${screen}`);
  await logout(page);

  await login(page, 'clerk');
  const inReview = await firstFiling(page, ['in_review']);
  const submitted = await firstFiling(page, ['submitted']);
  const registered = await firstFiling(page, ['registered']);
  const meetings = await rpc<{ id: number }[]>(page, 'meeting.list', {});
  for (const screen of ['inbox', 'filings', 'filings/new', 'meetings', 'certificates', 'verify', 'followup', 'dashboard'])
    await visit(screen, `/${screen}`);
  await visit('filing: record', `/filings/${inReview}`);
  for (const tab of ['materials', 'review', 'trajectory', 'followup']) {
    await page.getByTestId(`tab-${tab}`).click();
    await audit(page, `filing: ${tab}`, found);
  }
  await visit('filing: acceptance', `/filings/${submitted}`);
  await visit('filing: certificates', `/filings/${registered}`);
  await page.getByTestId('tab-certificates').click();
  await audit(page, 'filing: certificates', found);
  if (meetings.value?.length) await visit('meeting', `/meetings/${meetings.value[0]!.id}`);
  await problemScreens(page, visit);
  await logout(page);

  await login(page, 'hb');
  await visit('reviewer inbox', '/inbox');
  await visit('reviewer: review', `/filings/${inReview}`);
  await page.getByTestId('tab-review').click();
  await audit(page, 'reviewer: review', found);

  await logout(page);
  return found;
}

test('axe finds nothing critical or serious on any screen, in Chinese and in English', async ({ deskPage: page }) => {
  const found: Finding[] = [];
  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    const mine = await everyScreen(page, lang);
    writeFileSync(join(artifactsDir, `axe-${lang}.json`), JSON.stringify(mine, null, 2));
    found.push(...mine.map((f) => ({ ...f, screen: `${lang} ${f.screen}` })));
  }
  expect(found).toEqual([]);
});
