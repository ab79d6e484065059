import { test, expect } from './fixtures';
import { go, login, rpc } from './pages/review';
import { translate } from '../../src/shared/i18n';

/**
 * Issue 9, points 1–3: what a clerk types is what the desk stores. Typing goes on across the autosave that creates
 * the draft (the page changes under the caret), quantities are read exactly or refused with a message, and dates are
 * read as YYYY-MM-DD whichever of the accepted forms was typed.
 */
test.use({ deskOptions: { demo: true } });

const zh = (key: string, params: Record<string, unknown> = {}) => translate('zh-CN', key, params);

interface FilingFieldsView {
  fields: { applicant: { name: string; creditCheckedOn: string }; project: Record<string, unknown> };
}

test('typing continues in the same field while the first autosave creates the draft and opens its page', async ({
  deskPage: page,
  shot,
}) => {
  await login(page, 'clerk');
  await go(page, '/filings/new');
  await expect(page.getByTestId('new-filing-page')).toBeVisible();

  // The create answer is held back a little so that it, and the page change, land in the middle of the typing.
  let created = false;
  await page.route('**/rpc/filing.create', async (route) => {
    created = true;
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });

  const name = page.getByTestId('f-applicant.name');
  await name.click();
  const first = '滨海新材料';
  const rest = '科技有限公司（中试）ABC-123';
  await page.keyboard.type(first);
  await expect.poll(() => created, { timeout: 10_000 }).toBe(true);
  await page.keyboard.type(rest, { delay: 60 });

  await expect(page).toHaveURL(/#\/filings\/\d+$/);
  await expect(page.getByTestId('filing-page')).toBeVisible();
  const field = page.getByTestId('f-applicant.name');
  await expect(field).toHaveValue(first + rest);
  await expect(field).toBeFocused();
  // The caret stayed at the end: the next keystroke lands after what was typed.
  await page.keyboard.type('X');
  await expect(field).toHaveValue(`${first + rest}X`);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });

  const id = Number(await page.getByTestId('filing-page').getAttribute('data-filing-id'));
  const stored = await rpc<FilingFieldsView>(page, 'filing.get', { id });
  expect(stored.value!.fields.applicant.name).toBe(`${first + rest}X`);
  await shot('after-handover');
});

test('quantities are stored exactly as meant or refused with a message; dates are read as YYYY-MM-DD', async ({ deskPage: page, shot }) => {
  await login(page, 'clerk');
  await go(page, '/filings/new');
  await page.getByTestId('f-applicant.name').fill('滨海数量核对有限公司');
  await expect(page).toHaveURL(/#\/filings\/\d+$/, { timeout: 15_000 });
  const id = Number(await page.getByTestId('filing-page').getAttribute('data-filing-id'));

  // The unit is part of each quantity's accessible name.
  const batch = page.getByRole('textbox', { name: '单批规模（kg）' });
  const throughput = page.getByRole('textbox', { name: '设计处理能力（t/a）' });
  const reactor = page.getByRole('textbox', { name: '最大反应器容积（m³）' });
  await expect(batch).toHaveAttribute('data-path', 'project.batchKg');

  const refused: [string, string][] = [
    ['1,000', 'v.quantity.separator'],
    ['1e3', 'v.quantity.exponent'],
    ['-3', 'v.quantity.negative'],
    ['12。5。', 'v.quantity.format'],
  ];
  for (const [typed, key] of refused) {
    await batch.fill(typed);
    await batch.press('Tab');
    // Kept on screen exactly as typed, with the reason beside it, and the draft does not save a number in its place.
    await expect(batch).toHaveValue(typed);
    await expect(batch).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(zh(key), { exact: true })).toBeVisible();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'invalid');
  }
  await shot('refused-quantity');
  const whileRefused = await rpc<FilingFieldsView>(page, 'filing.get', { id });
  expect(whileRefused.value!.fields.project.batchKg).toBeNull();

  await batch.fill('１２。５');
  await throughput.fill('２０');
  await reactor.fill('0.75');
  const start = page.getByTestId('f-project.plannedStart');
  const end = page.getByTestId('f-project.plannedEnd');
  const checked = page.getByTestId('f-applicant.creditCheckedOn');
  await start.fill('2027/1/15');
  await start.press('Tab');
  await expect(start).toHaveValue('2027-01-15');
  await end.fill('20280115');
  await end.press('Tab');
  await expect(end).toHaveValue('2028-01-15');
  await checked.fill('70115-02-02');
  await checked.press('Tab');
  await expect(checked).toHaveValue('70115-02-02');
  await expect(page.getByText(zh('v.date.format'), { exact: true })).toBeVisible();
  await checked.fill('2026-11-02');

  // The calendar speaks the screen's language and picks a day into the same field.
  await page.getByTestId('f-applicant.creditCheckedOn-calendar').click();
  const dropdown = page.getByRole('dialog', { name: `${zh('date.openCalendar', { label: zh('ff.applicant.creditCheckedOn') })}` });
  await expect(dropdown).toContainText('2026年11月');
  await expect(dropdown.getByRole('columnheader').first()).toHaveText('一');
  await expect(dropdown.getByRole('button', { name: zh('date.next') })).toBeVisible();
  await shot('calendar');
  await dropdown.getByRole('button', { name: '3 十一月 2026', exact: true }).click();
  await expect(checked).toHaveValue('2026-11-03');

  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  const saved = await rpc<FilingFieldsView>(page, 'filing.get', { id });
  expect(saved.value!.fields.project).toMatchObject({
    batchKg: 12.5,
    throughputTpa: 20,
    largestReactorM3: 0.75,
    plannedStart: '2027-01-15',
    plannedEnd: '2028-01-15',
  });
  expect(saved.value!.fields.applicant.creditCheckedOn).toBe('2026-11-03');

  // Past the form: the desk refuses the same typed text itself.
  const sent = await rpc(page, 'filing.update', {
    id,
    version: (await rpc<{ version: number }>(page, 'filing.get', { id })).value!.version,
    fields: { ...saved.value!.fields, project: { ...saved.value!.fields.project, batchKg: '1,000' } },
  });
  expect(sent.ok).toBe(false);
});
