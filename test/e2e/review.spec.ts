import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, artifactsDir } from './fixtures';
import { go, InboxPage, login, logout, reviewer, ReviewTab, TrajectoryTab } from './pages/review';
import { officialCalendar, toIsoDate, workingDaysBetween } from '../../src/shared/domain/calendar';
import { deadlineFromDays } from '../../src/shared/domain/deadline';

/**
 * Issue 3 end to end: five units decide round 1 (one with conditions, one revise), a fact change after signing turns
 * signed sections stale (diff view), the clerk records the supplement, round 2 reopens only for the unit that asked,
 * it approves, and the filing is approved. The trajectory map names the holder at each step.
 */
test.use({ deskOptions: { demo: true } });

test('joint review from round 1 to approval, with stale sections, diff view and trajectory map', async ({
  deskPage: page,
  desk,
  browser,
  shot,
}) => {
  test.setTimeout(300_000);
  await login(page, 'clerk');
  const inbox = new InboxPage(page);
  await inbox.open();

  // A demo filing in round 1 on which no unit has decided yet: all five sections waiting, none stale.
  const rows = await inbox.rows();
  const target = rows.find((r) => r.units.length === 5 && r.stale.length === 0 && /第 1 轮/.test(r.round));
  expect(target, `no round-1 filing with five waiting units in ${JSON.stringify(rows)}`).toBeTruthy();
  const id = target!.id;
  // Oldest first: waiting-since never goes backwards down the list.
  const since = await page.locator('[data-testid^="inbox-row-"] td:nth-child(6)').allTextContents();
  expect([...since].sort()).toEqual(since);
  await expect(inbox.row(id).locator('[data-level]').first()).toBeVisible();
  await shot('inbox');

  // The map before anyone decided: the five units hold the move together.
  const map = new TrajectoryTab(page);
  await map.open(id);
  await expect(map.summary).toContainText('联合审查：等待');
  expect(await map.holders()).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);

  // An observer keeps the inbox open in another window; it must follow the decisions live.
  const observerContext = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const observer = await observerContext.newPage();
  await observer.goto(desk.url);
  await login(observer, 'observer');
  const observerInbox = new InboxPage(observer);
  await observerInbox.open();
  await expect.poll(() => observerInbox.units(id)).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
  await logout(page);

  const review = new ReviewTab(page);

  // Emergency management: approve with conditions (the unit's section screenshot shows the filled form).
  await login(page, reviewer('yj'));
  await review.open(id);
  await expect(review.section('yj')).toHaveAttribute('data-in-round', 'true');
  await review.form.getByTestId('checklist-all-pass').click();
  await review.form.getByTestId('decision-approveWithConditions-radio').check();
  await review.form.getByTestId('decision-opinion').fill('同意开展中试，须在试运行前完成应急预案备案并组织一次演练。');
  await review.form.getByTestId('condition-0-text').fill('试运行前完成中试装置应急预案备案，并组织一次应急演练');
  // The due date shows as the day count is typed, by the rule the server applies; a 2027 date is marked provisional.
  const today = toIsoDate(new Date());
  const intoNextYear = Math.min(250, Math.max(1, workingDaysBetween(officialCalendar, today, '2027-01-15')));
  await review.form.getByTestId('condition-0-days').fill(String(intoNextYear));
  const resulting = review.form.getByTestId('condition-0-date');
  const far = deadlineFromDays(officialCalendar, today, intoNextYear)!;
  await expect(resulting).toHaveAttribute('data-date', far.dueDate);
  expect(far.provisional).toBe(true);
  await expect(resulting.getByTestId('provisional-mark')).toBeVisible();
  await page.screenshot({ path: join(artifactsDir, 'review-condition-provisional.png') });
  await review.form.getByTestId('condition-0-days').fill('15');
  await expect(resulting).toHaveAttribute('data-date', deadlineFromDays(officialCalendar, today, 15)!.dueDate);
  await expect(resulting).toContainText(deadlineFromDays(officialCalendar, today, 15)!.dueDate);
  await review.section('yj').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('section-form-yj');
  const before = await review.tab.getAttribute('data-version');
  await review.form.getByTestId('decision-submit').click();
  await expect(review.form).toHaveCount(0);
  await expect(review.tab).not.toHaveAttribute('data-version', before!);
  await expect(review.section('yj').getByTestId('decision-yj').first()).toHaveAttribute('data-decision', 'approveWithConditions');
  await expect(review.section('yj')).toContainText('试运行前完成中试装置应急预案备案');
  // Live: the observer's inbox drops yj without a reload.
  await expect.poll(() => observerInbox.units(id), { timeout: 5_000 }).toEqual(['hb', 'gh', 'sp', 'yq']);
  await logout(page);

  // Planning approves.
  await login(page, reviewer('gh'));
  await review.open(id);
  await review.decide({ decision: 'approve' });
  await logout(page);

  // The clerk corrects a fact after two units signed: the bay is emergency, planning and park's fact (domain §6), so
  // both signed sections turn stale.
  await login(page, 'clerk');
  await go(page, `/filings/${id}`);
  await page.getByTestId('tab-record').click();
  const nameInput = page.getByTestId('f-project.bay');
  const oldName = await nameInput.inputValue();
  await nameInput.fill(`${oldName}（二期）`);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  await inbox.open();
  await expect.poll(async () => (await inbox.rows()).find((r) => r.id === id)?.stale).toEqual(['yj', 'gh']);
  await logout(page);

  // Emergency management sees exactly what changed, old beside new, then re-confirms.
  await login(page, reviewer('yj'));
  await review.open(id);
  await expect(review.section('yj').getByTestId('stale-yj')).toBeVisible();
  await review.section('yj').getByTestId('show-diff-yj').click();
  const diff = page.getByTestId('diff-table');
  await expect(diff).toBeVisible();
  const row = diff.locator('tr[data-path="project.bay"]');
  await expect(row.getByTestId('diff-before')).toHaveText(oldName);
  await expect(row.getByTestId('diff-after')).toHaveText(`${oldName}（二期）`);
  // The field by its label, never by its storage path.
  await expect(row.getByTestId('diff-label')).toHaveText('楼栋/车间');
  await expect(diff).not.toContainText('project.bay');
  // The dialog is fixed to the viewport: a viewport picture shows it as the reviewer sees it.
  await page.screenshot({ path: join(artifactsDir, 'review-diff-view.png') });
  await page.keyboard.press('Escape');
  await expect(diff).toHaveCount(0);
  await review.decide({ decision: 'approveWithConditions', opinion: '中试车间位置调整不影响应急审查结论，维持原意见。' });
  await expect(review.section('yj').getByTestId('stale-yj')).toHaveCount(0);
  await logout(page);

  await login(page, reviewer('gh'));
  await review.open(id);
  await review.decide({ decision: 'approve' });
  await logout(page);

  // Approval's reviewer fills the form in a window that receives no live updates (events blocked), so the screen
  // keeps showing the version it loaded while environment decides in the meantime.
  const spContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const spPage = await spContext.newPage();
  await spPage.route('**/events?**', (route) => route.abort());
  await spPage.goto(desk.url);
  await login(spPage, reviewer('sp'));
  const spReview = new ReviewTab(spPage);
  await spReview.open(id);
  await spReview.form.getByTestId('checklist-all-pass').click();
  await spReview.form.getByTestId('decision-approve-radio').check();
  await spReview.form.getByTestId('decision-opinion').fill('申请人主体及材料完整性符合要求。');
  const seen = await spReview.tab.getAttribute('data-version');

  // Environment asks for revision with a failed checklist item.
  await login(page, reviewer('hb'));
  await review.open(id);
  await review.decide({
    decision: 'revise',
    opinion: '请补充危险废物产生量核算及委托处置协议。',
    fail: [{ code: 'wastes', note: '危险废物产生量未核算' }],
  });
  await logout(page);

  // The older version is refused: banner, reload, and what the reviewer typed is still there to submit again.
  await spReview.form.getByTestId('decision-submit').click();
  await expect(spPage.getByTestId('review-stale-banner')).toBeVisible();
  await expect(spReview.tab).not.toHaveAttribute('data-version', seen!);
  await expect(spReview.form.getByTestId('decision-opinion')).toHaveValue('申请人主体及材料完整性符合要求。');
  await expect(spReview.section('hb').getByTestId('decision-hb').first()).toHaveAttribute('data-decision', 'revise');
  await spReview.form.getByTestId('decision-submit').click();
  await expect(spReview.form).toHaveCount(0);
  await expect(spReview.section('sp').getByTestId('decision-sp').first()).toHaveAttribute('data-decision', 'approve');
  await spContext.close();

  // Four decided: the park alone holds the move.
  await login(page, reviewer('yq'));
  await map.open(id);
  await expect(map.summary).toHaveAttribute('data-holder', 'yq');
  await expect(map.summary).toContainText('等待园区作出决定');
  expect(await map.holders()).toEqual(['yq']);
  await review.open(id);
  await review.decide({ decision: 'approve' });
  await expect(review.tab).toHaveAttribute('data-state', 'supplement_requested');
  await expect(page.getByTestId('review-round-1')).toHaveAttribute('data-outcome', 'supplementRequested');
  await logout(page);

  // The clerk sees the one notice of everything asked and records the supplement.
  await login(page, 'clerk');
  await map.open(id);
  await expect(map.summary).toHaveAttribute('data-holder', 'applicant');
  await expect(map.summary).toContainText('等待申请人补充材料');
  expect(await map.holders()).toEqual(['applicant']);
  await review.open(id);
  const notice = page.getByTestId('supplement-list');
  // One notice: environment's revision with its failed item; plain approvals ask for nothing.
  await expect(notice.locator('[data-unit="hb"]')).toContainText('请补充危险废物产生量核算及委托处置协议');
  await expect(notice.locator('[data-unit="hb"]')).toContainText('废气、废水、固废及危废清单');
  for (const u of ['gh', 'sp', 'yq']) await expect(notice.locator(`[data-unit="${u}"]`)).toHaveCount(0);
  await page.getByTestId('supplement-note').fill('申请人已提交危险废物核算说明及委托处置协议。');
  await page.getByTestId('supplement-record').click();
  await expect(review.tab).toHaveAttribute('data-state', 'in_review');

  // Round 2 reopens only for environment; the others keep their round-1 decisions.
  await expect(page.getByTestId('review-round-2')).toBeVisible();
  await expect(review.section('hb')).toHaveAttribute('data-in-round', 'true');
  for (const u of ['yj', 'gh', 'sp', 'yq']) await expect(review.section(u)).toHaveAttribute('data-in-round', 'false');
  await expect(review.section('hb').getByTestId('carried-hb')).toContainText('危险废物产生量未核算');
  await map.open(id);
  await expect(map.summary).toHaveAttribute('data-holder', 'hb');
  await expect(map.summary).toContainText('等待环保作出决定');
  await logout(page);

  await login(page, reviewer('hb'));
  await new InboxPage(page).open();
  expect(await new InboxPage(page).units(id)).toEqual(['hb']);
  await review.open(id);
  await review.decide({ decision: 'approve', opinion: '补充材料符合要求。' });
  await expect(review.tab).toHaveAttribute('data-state', 'approved');
  await expect(page.getByTestId('review-round-2')).toHaveAttribute('data-outcome', 'approvedWithConditions');
  await expect.poll(() => observerInbox.units(id), { timeout: 5_000 }).not.toContain('hb');

  // Approved: the desk holds the move (certificate), and the map says so.
  await map.open(id);
  await expect(map.summary).toHaveAttribute('data-holder', 'desk');
  await expect(map.summary).toContainText('等待窗口出具备案证明');
  expect(await map.holders()).toEqual(['desk']);
  // Tooltip on an event marker.
  await page.locator('.traj-event').first().hover();
  await expect(page.getByTestId('traj-tooltip')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('trajectory-map');
  // By sequence: the morning's decisions after months of waiting spread out to be read one by one.
  await page.getByTestId('traj-scale').getByText('按事件顺序').click();
  await expect(page.getByTestId('trajectory-svg')).toHaveAttribute('data-scale', 'sequence');
  await page.mouse.move(0, 0);
  await shot('trajectory-map-sequence');

  // Save as image: a real PNG comes down.
  const download = page.waitForEvent('download');
  await page.getByTestId('traj-save').click();
  const file = await download;
  const saved = join(artifactsDir, 'review-trajectory-download.png');
  await file.saveAs(saved);
  const bytes = readFileSync(saved);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.length).toBeGreaterThan(10_000);

  await observerContext.close();
});

test('trajectory map draws 200 events (timing printed, not asserted)', async ({ deskPage: page }) => {
  test.setTimeout(120_000);
  await login(page, 'observer');
  await go(page, '/bench/trajectory');
  await page.getByTestId('bench-start').click();
  const result = page.getByTestId('bench-result');
  await expect(result).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await expect(page.locator('.traj-event')).toHaveCount(200);
  const median = Number(await result.getAttribute('data-median'));
  const first = Number(await result.getAttribute('data-first'));
  const line = `trajectory map, 200 events: median ${median.toFixed(1)} ms, first ${first.toFixed(1)} ms (${await result.textContent()})`;
  console.log(line);
  writeFileSync(join(artifactsDir, 'trajectory-bench.txt'), `${line}\n`);
});
