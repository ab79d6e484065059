import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO_PASSWORD, rpc } from './pages/review';
import { translate } from '../../src/shared/i18n';

/**
 * Issue 9, "done when": the three everyday journeys with the keyboard alone — no click(), no fill(), no focus():
 * Tab and Shift+Tab to reach a control (which proves it is reachable), typing, Enter, Space, arrows and Escape.
 * Reads through `rpc` only pick the demo records to work on. After each action that replaces or closes the control
 * that acted, the test asserts where the focus went.
 */
test.use({ deskOptions: { demo: true }, viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 400_000 });

const zh = (key: string, params: Record<string, unknown> = {}) => translate('zh-CN', key, params);

/** Has `target` (or something inside it) the focus? */
const focused = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails when it is not reached, i.e. not keyboard-reachable. */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  await expect(target).toBeAttached();
  for (let i = 0; i < (opts.max ?? 150); i++) {
    if (await focused(target)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached by ${opts.back ? 'Shift+Tab' : 'Tab'}: ${target.toString()}`);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Signs in from the login screen, whose first field has the focus. */
async function keyboardLogin(page: Page, username: string): Promise<void> {
  await expect(page.getByTestId('login-username')).toBeFocused();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A day `days` ahead, typed the way a clerk may type it (2027/1/5) and the way the desk shows it (2027-01-05). */
function day(days: number): { typed: string; shown: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  const [y, m, dd] = d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).split('-');
  return { typed: `${y}/${Number(m)}/${Number(dd)}`, shown: `${y}-${m}-${dd}` };
}

test('create → submit → accept, by keyboard', async ({ deskPage: page }) => {
  await keyboardLogin(page, 'clerk');
  await tabTo(page, page.getByTestId('nav-new-filing'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-filing-page')).toBeVisible();
  const f = (path: string) => page.getByTestId(`f-${path}`);

  await typeInto(page, f('applicant.name'), '键盘新材料科技有限公司');
  await typeInto(page, f('applicant.creditCode'), '91350100M000100Y43');
  await typeInto(page, f('applicant.legalRepresentative'), '李建国');
  await typeInto(page, f('applicant.contactName'), '周晓');
  await typeInto(page, f('applicant.contactMobile'), '13812345678');
  await typeInto(page, f('applicant.address'), '滨海市化工园区纬三路 8 号');
  await expect(page).toHaveURL(/#\/filings\/\d+$/, { timeout: 15_000 });
  await typeInto(page, f('project.name'), '键盘录入电子级硝酸中试项目');
  await typeInto(page, f('project.bay'), '3 号中试车间');
  // The park: a Select opened and chosen with the arrow keys and Enter; its only base follows.
  await tabTo(page, f('project.parkId'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(f('project.parkId')).not.toHaveValue('');
  if (!(await f('project.baseId').inputValue())) {
    await tabTo(page, f('project.baseId'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  await expect(f('project.baseId')).not.toHaveValue('');
  // Dates typed as 2027/1/5 read as that day and shown as YYYY-MM-DD on leaving the field.
  const start = day(30);
  const end = day(395);
  await typeInto(page, f('project.plannedStart'), start.typed);
  await typeInto(page, f('project.plannedEnd'), end.typed);
  await page.keyboard.press('Tab');
  await expect(f('project.plannedStart')).toHaveValue(start.shown);
  await expect(f('project.plannedEnd')).toHaveValue(end.shown);

  await tabTo(page, f('project.products-add'));
  await page.keyboard.press('Enter');
  await typeInto(page, f('project.products.0.name'), '电子级硝酸');
  await typeInto(page, f('project.products.0.cas'), '7697-37-2');
  await typeInto(page, f('project.routeSummary'), '稀硝酸经精馏、吸收、过滤制得电子级硝酸。');
  await tabTo(page, f('project.processes'));
  await page.keyboard.type(zh('process.氧化'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await tabTo(page, f('project.chemicals-add'));
  await page.keyboard.press('Enter');
  await typeInto(page, f('project.chemicals.0.name'), '硝酸');
  await typeInto(page, f('project.chemicals.0.cas'), '7697-37-2');
  await typeInto(page, f('project.chemicals.0.maxInProcessT'), '0.5');
  await typeInto(page, f('project.chemicals.0.maxStoredT'), '2');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 20_000 });

  // Papers received on paper: each switch by Space; the focus stays on the switch.
  // The tab list is one Tab stop (the selected tab); the arrow keys move along it.
  await tabTo(page, page.getByTestId('tab-record'), { back: true });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-materials')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab-materials')).toHaveAttribute('aria-selected', 'true');
  const missing = () =>
    page
      .locator('tr[data-testid^="material-"][data-applicable="true"][data-state="missing"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace(/^material-/, '')));
  await expect(page.locator('tr[data-testid^="material-"]').first()).toBeVisible();
  for (const code of await missing()) {
    const paper = page.getByTestId(`paper-${code}`);
    await tabTo(page, paper);
    await page.keyboard.press('Space');
    await expect(page.getByTestId(`material-${code}`)).toHaveAttribute('data-state', 'present');
    await expect(paper).toBeFocused();
  }

  // Submit (提交受理): the button keeps the focus while it works, then the acceptance step takes it.
  await tabTo(page, page.getByTestId('filing-submit'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('filing-page').getByTestId('state-badge').first()).toHaveAttribute('data-state', 'submitted');
  await expect(page.getByTestId('tab-acceptance')).toBeFocused();
  await expect(page.getByTestId('acceptance-form')).toBeVisible();

  // Accept (作出受理决定): the radio by Space, the button by Enter; the record of the decision takes the focus.
  await tabTo(page, page.getByTestId('decision-accept'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByTestId('acceptance-submit'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('acceptance-record')).toBeFocused();
  await expect(page.getByTestId('filing-page').getByTestId('state-badge').first()).toHaveAttribute('data-state', 'in_review');
});

test('decide from the inbox, by keyboard', async ({ deskPage: page }) => {
  await keyboardLogin(page, 'hb');
  const inbox = await rpc<{ filingId: number; work: string; sections: string[]; state: string }[]>(page, 'review.inbox', {});
  const row = inbox.value!.find((r) => r.work === 'review' && r.state === 'in_review' && r.sections.includes('hb'));
  expect(row, 'a filing waiting for hb').toBeTruthy();
  await expect(page.getByTestId('inbox-table')).toBeVisible();
  await tabTo(page, page.getByTestId(`inbox-row-${row!.filingId}`).getByRole('link'));
  await page.keyboard.press('Enter');
  // Lands on the unit's review with the form beside the unit's facts.
  await expect(page.getByTestId('tab-review')).toHaveAttribute('aria-selected', 'true');
  const form = page.getByTestId('decision-form');
  await tabTo(page, form.getByTestId('checklist-all-pass'));
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('checklist-all-pass')).toBeFocused();
  await tabTo(page, form.getByTestId('decision-approve-radio'));
  await page.keyboard.press('Space');
  await expect(form.getByTestId('decision-approve-radio')).toBeChecked();
  // 提交审查意见: the button keeps the focus while saving; then the unit's section with the signed decision takes it.
  await tabTo(page, form.getByTestId('decision-submit'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('section-hb')).toBeFocused();
  await expect(page.getByTestId('section-hb').getByTestId('decision-hb')).toHaveAttribute('data-decision', 'approve');
  // The saved toast never lies over the focused control.
  const toast = page.locator('.mantine-Notifications-notification').first();
  await expect(toast).toBeVisible();
  const [a, b] = [await toast.boundingBox(), await page.getByTestId('section-hb').boundingBox()];
  const overlap = a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, 'toast over the focused section').toBeFalsy();
});

test('open a meeting and run it, by keyboard; dialogs give the focus back', async ({ deskPage: page }) => {
  await keyboardLogin(page, 'clerk');
  const meetings = await rpc<{ id: number; state: string }[]>(page, 'meeting.list', {});
  const meeting = meetings.value!.find((m) => m.state !== 'closed');
  expect(meeting, 'the demo session').toBeTruthy();
  const view = await rpc<{ agenda: { filingId: number }[] }>(page, 'meeting.get', { meetingId: meeting!.id });
  const first = view.value!.agenda[0]!.filingId;
  const review = await rpc<{ sections: { section: string; inRound: boolean; current: { stale: boolean } | null }[] }>(page, 'review.get', {
    filingId: first,
  });
  const units = ['yj', 'hb', 'gh', 'sp', 'yq'];
  const waiting = review.value!.sections.find((s) => s.inRound && (!s.current || s.current.stale))!.section;

  await tabTo(page, page.getByTestId('nav-meetings'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId(`meeting-link-${meeting!.id}`));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('meeting-page')).toBeVisible();
  await tabTo(page, page.getByTestId('enter-session'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-screen')).toBeVisible();

  // The waiting unit at the table: its number key, a decision by arrow, all items pass (p), Enter, then the password.
  await page.keyboard.press(String(units.indexOf(waiting) + 1));
  const panel = page.getByTestId('table-panel');
  await expect(panel).toHaveAttribute('data-unit', waiting);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('table-decision-approve')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await page.keyboard.press('Enter');
  await expect(panel).toHaveAttribute('data-stage', 'confirm');
  if (await page.getByTestId('table-username').evaluate((el) => el === document.activeElement)) {
    await page.keyboard.type(waiting);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId(`tally-${waiting}`)).toHaveAttribute('data-decision', 'approve');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('session-screen')).toHaveAttribute('data-position', '1');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('meeting-page')).toBeVisible();

  // A dialog closed with Escape, and one closed with 取消, give the focus back to the button that opened it.
  await tabTo(page, page.getByTestId('nav-problems'), { back: true });
  await page.keyboard.press('Enter');
  const opener = page.getByTestId('problems-new');
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await tabTo(page, page.getByRole('dialog').getByRole('button', { name: zh('pu.cancel') }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
});
