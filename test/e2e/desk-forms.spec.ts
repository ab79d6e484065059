import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { go, login, logout, rpc } from './pages/review';
import { DeskShell } from './pages/desk-shell';

/**
 * Issue 12, point 6: the desk's hand-bound forms now check their values with the channel's own zod schema. Each is
 * submitted with one bad value; the message the desk would give shows beside the field at fault (aria-invalid), the
 * focus goes to that field, and nothing is sent. The desk's own refusal of a key (a rule the schema cannot know) comes
 * back beside its field too. One demo desk; the verify page once more in English.
 */
test.use({ deskOptions: { demo: true } });

const TOO_LONG = 'x'.repeat(2001);

/** The field is marked, its own wrapper says `message`, and (after a refused submit) it holds the focus. */
async function refusedBeside(field: Locator, message: string, focused = true): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field.locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")][1]')).toContainText(message);
  if (focused) await expect(field).toBeFocused();
}

/** Counts the calls the page sends on a channel, so the test can show the form sent nothing. */
function callsTo(page: Page, channel: string): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === `/rpc/${channel}`) n++;
  });
  return () => n;
}

async function firstFiling(page: Page, state: string): Promise<number> {
  const r = await rpc<{ rows: { id: number }[] }>(page, 'filing.list', {
    ...{ query: '', states: [state], parkId: null, unit: null, overdueOnly: false },
    ...{ sort: 'submittedAt', dir: 'asc', offset: 0, limit: 50 },
  });
  expect(r.value?.rows.length, `a demo filing in ${state}`).toBeGreaterThan(0);
  return r.value!.rows[0]!.id;
}

test('desk forms: the schema message beside the field at fault, and the desk refusal beside its field', async ({
  deskPage: page,
  shot,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const zh = new DeskShell(page, 'zh-CN');
  await login(page, 'clerk');
  const sent = {
    meeting: callsTo(page, 'meeting.create'),
    clock: callsTo(page, 'review.pauseClock'),
    supplement: callsTo(page, 'review.recordSupplement'),
    acceptance: callsTo(page, 'acceptance.decide'),
    extend: callsTo(page, 'followup.extend'),
    close: callsTo(page, 'followup.close'),
    verify: callsTo(page, 'certificate.verify'),
  };

  // Meeting: no place (required), no filing on the agenda.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-new').click();
  await page.getByTestId('meeting-create').click();
  await refusedBeside(page.getByTestId('meeting-place'), zh.t('v.required'));
  await expect(page.getByTestId('meeting-agenda-error')).toHaveText(zh.t('v.meeting.agendaEmpty'));
  await shot('meeting-1366-zh');

  // The review clock: a pause needs its reason.
  await go(page, `/filings/${await firstFiling(page, 'in_review')}`);
  await page.getByTestId('tab-review').click();
  await page.getByTestId('clock-toggle').click();
  await refusedBeside(page.getByTestId('clock-reason'), zh.t('v.required'));

  // The supplement record: a note over 2,000 characters.
  await go(page, `/filings/${await firstFiling(page, 'supplement_requested')}`);
  await page.getByTestId('tab-review').click();
  await page.getByTestId('supplement-note').fill(TOO_LONG);
  await page.getByTestId('supplement-record').click();
  await refusedBeside(page.getByTestId('supplement-note'), zh.t('v.tooLong', { max: 2000 }));

  // Acceptance: a reason over 2,000 characters on a refusal to accept.
  await go(page, `/filings/${await firstFiling(page, 'submitted')}`);
  await page.getByTestId('tab-acceptance').click();
  await page.getByTestId('decision-notAccepted').check();
  await page.getByTestId('acceptance-reason').fill(TOO_LONG);
  await page.getByTestId('acceptance-submit').click();
  await refusedBeside(page.getByTestId('acceptance-reason'), zh.t('v.tooLong', { max: 2000 }));

  // The run period: an extension without its reason, a closure without its report.
  await go(page, `/filings/${await firstFiling(page, 'registered')}`);
  await page.getByTestId('tab-followup').click();
  await page.getByTestId('run-extend').click();
  await page.getByRole('dialog').getByTestId('run-submit').click();
  await refusedBeside(page.getByTestId('run-reason'), zh.t('v.required'));
  await page.keyboard.press('Escape');
  await page.getByTestId('run-close').click();
  await page.getByRole('dialog').getByTestId('run-submit').click();
  await refusedBeside(page.getByTestId('run-report'), zh.t('fu.run.reportRequired'));
  await shot('run-close-1366-zh');
  await page.keyboard.press('Escape');

  // Verification: a code longer than any printed one.
  await go(page, '/verify');
  await page.getByTestId('verify-number').fill('PD-2026-0001');
  await page.getByTestId('verify-code').fill('A'.repeat(41));
  await page.getByTestId('verify-submit').click();
  await refusedBeside(page.getByTestId('verify-code'), zh.t('v.tooLong', { max: 40 }));
  for (const [channel, n] of Object.entries(sent)) expect(n(), `${channel} sent nothing`).toBe(0);
  await logout(page);

  // The desk's own refusal: a text that is no public key passes the schema and is refused beside its field.
  await login(page, 'admin');
  for (const lang of ['zh-CN', 'en'] as const) {
    const shell = new DeskShell(page, lang);
    await shell.chooseLanguage();
    await go(page, '/verify');
    await page.getByTestId('verify-code').fill('B'.repeat(41));
    await page.getByTestId('verify-number').fill('PD-2026-0001');
    await page.getByTestId('verify-submit').click();
    await refusedBeside(page.getByTestId('verify-code'), shell.t('v.tooLong', { max: 40 }));
    await page.getByTestId('key-label').fill(lang === 'en' ? 'District B desk' : '乙区联审台');
    await page.getByTestId('key-pem').fill('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----');
    await page.getByTestId('key-import').click();
    await refusedBeside(page.getByTestId('key-pem'), shell.t('v.cert.publicKey'));
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(`verify-key-1280-${lang}`);
    await page.setViewportSize({ width: 1366, height: 768 });
  }
});
