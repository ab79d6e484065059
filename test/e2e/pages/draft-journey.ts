/**
 * The intake form's autosave while the desk server is lost (issue 16 item 4, "keeps unsaved form text, reconnects by
 * itself"), run by live-1.spec.ts: the clerk types into a draft filing after instance A died, the save state says the
 * text is not saved and will be when the server is back, and once A is started again (same database, same port) the
 * draft is saved without another keystroke, as a read through instance B shows.
 */
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { translate } from '../../../src/shared/i18n';
import { ServerClient, type ServerProcess } from '../../helpers/server';
import { artifactsDir } from '../fixtures';
import { DEMO_PASSWORD, go } from './review';

interface FilingRead {
  id: number;
  state: string;
  version: number;
  fields: { applicant: { name: string } };
}

/** The first demo filing still in draft (the clerk can edit its record), read through `server`. */
async function draftFiling(clerk: ServerClient): Promise<FilingRead> {
  for (let id = 1; id < 200; id++) {
    const reply = (await clerk.rpc('filing.get', { id })).json() as { ok: boolean; value?: FilingRead };
    if (reply.ok && reply.value!.state === 'draft') return reply.value!;
  }
  throw new Error('no demo filing in draft');
}

/** `page` is signed in as the clerk on instance `a`; `restartA` starts it again on the same port. */
export async function lostDraftJourney(page: Page, a: ServerProcess, b: ServerProcess, restartA: (port: number) => Promise<ServerProcess>) {
  const clerk = new ServerClient(b.url);
  await clerk.login('clerk', DEMO_PASSWORD);
  const draft = await draftFiling(clerk);
  await go(page, `/filings/${draft.id}`);
  const name = page.getByTestId('f-applicant.name');
  await expect(name).toHaveValue(draft.fields.applicant.name);
  await expect(name).toBeEditable();

  const port = a.port;
  a.child.kill('SIGKILL');
  await new Promise((r) => a.child.once('exit', r));
  await expect(page.getByTestId('connection-banner')).toBeVisible({ timeout: 5_000 });

  // Typed while the server is gone: the autosave fails, and the save state says so truthfully.
  const typed = `${draft.fields.applicant.name}（断线时输入）`;
  await name.fill(typed);
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-status', 'offline', { timeout: 10_000 });
  await expect(status).toHaveText(translate('zh-CN', 'fr.offline'));
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, 'draft-offline-zh.png') });
  await page.getByTestId('lang-switch').getByText('EN').click();
  await expect(status).toHaveText(translate('en', 'fr.offline'));
  await page.screenshot({ path: join(artifactsDir, 'draft-offline-en.png') });
  // The same at the meeting room's projector sizes, in both languages: the state stays readable and in view.
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const [lang, button, tag] of [
      ['en', 'EN', 'en'],
      ['zh-CN', '中文', 'zh'],
    ] as const) {
      await page.getByTestId('lang-switch').getByText(button).click();
      await expect(status).toHaveText(translate(lang, 'fr.offline'));
      await status.scrollIntoViewIfNeeded();
      await expect(status).toBeInViewport();
      await page.screenshot({ path: join(artifactsDir, `draft-offline-${tag}-${width}x${height}.png`) });
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  // Nothing reached the server meanwhile.
  expect(((await clerk.ok('filing.get', { id: draft.id })) as FilingRead).fields.applicant.name).toBe(draft.fields.applicant.name);

  // The server again: the pending save is sent by itself, once, and the form says it is saved; no key was pressed.
  await restartA(port);
  await expect(status).toHaveAttribute('data-status', 'saved', { timeout: 20_000 });
  await expect(name).toHaveValue(typed);
  const stored = (await clerk.ok('filing.get', { id: draft.id })) as FilingRead;
  expect(stored.fields.applicant.name).toBe(typed);
  expect(stored.version).toBe(draft.version + 1);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
}
