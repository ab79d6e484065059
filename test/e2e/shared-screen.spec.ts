import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO_PASSWORD, login, rpc, UNITS } from './pages/review';

/**
 * Issue 15 §10: the shared screen of a joint session (the host's session mode and the audience window) shows the
 * project, the agenda position and all five units' decisions with who confirmed them, with nothing clipped and no page
 * scrolling, at every projector size in both languages; text is at least 28 px at 1920×1080, scales with the screen and
 * is never under 20 px at 1280×720. The richest rows are used: four units decide at the table with checklist answers,
 * conditions and a long opinion, the fifth stays pending.
 */
test.use({ deskOptions: { demo: true } });

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
  { width: 3840, height: 2160 },
] as const;

interface Review {
  filingId: number;
  currentRound: number | null;
  filingVersion: number;
  sections: { section: string; inRound: boolean; current: { stale: boolean } | null }[];
}

/** Four of the in-round units confirm at the table through the same channel the table form uses. */
async function decideAtTable(page: Page, meetingId: number, filingId: number): Promise<void> {
  const settings = await rpc<{ checklists: Record<string, { code: string }[]> }>(page, 'settings.get', {});
  const review = (await rpc<Review>(page, 'review.get', { filingId })).value!;
  const open = review.sections.filter((s) => s.inRound && (!s.current || s.current.stale)).map((s) => s.section);
  for (const unit of open.slice(0, Math.max(open.length - 1, 0))) {
    const fresh = (await rpc<Review>(page, 'review.get', { filingId })).value!;
    const r = await rpc(page, 'meeting.confirmDecision', {
      meetingId,
      reviewerUsername: unit,
      password: DEMO_PASSWORD,
      decision: {
        filingId,
        section: unit,
        round: fresh.currentRound ?? 1,
        filingVersion: fresh.filingVersion,
        decision: 'approveWithConditions',
        opinion: '同意开展中试。试运行前须完成应急演练、危险废物暂存间验收和周边敏感目标告知，并报园区管委会备案。',
        notInvolvedReason: '',
        checklist: settings.value!.checklists[unit]!.map((c) => ({ code: c.code, result: 'pass', note: '' })),
        conditions: [{ text: '试运行前完成应急演练并报园区备案', verifyingUnit: unit, dueDays: 15, blocks: 'hold' }],
        idempotencyKey: `shared-screen-${filingId}-${unit}`,
      },
    });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
  }
}

/** Every unit row inside the viewport; no text element clipped or overflowing (the summary panel may scroll). */
async function layoutProblems(page: Page) {
  return page.getByTestId('session-screen').evaluate((screen) => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const problems: string[] = [];
    const inside = (r: DOMRect) => r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
    for (const row of screen.querySelectorAll('[data-testid^="tally-"]')) {
      if (!inside(row.getBoundingClientRect())) problems.push(`row ${row.getAttribute('data-testid')} outside the viewport`);
    }
    if (document.documentElement.scrollHeight > vh + 1 || document.documentElement.scrollWidth > vw + 1) problems.push('the page scrolls');
    const summary = screen.querySelector('[data-testid="session-summary-panel"]');
    let smallest = Infinity;
    for (const el of screen.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
      if (summary?.contains(el)) continue;
      const label = `${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 30)}"`;
      if (!inside(el.getBoundingClientRect())) problems.push(`${label} outside the viewport`);
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        problems.push(`${label} clipped across ${el.scrollWidth}>${el.clientWidth}`);
      // CJK glyphs reach 0.15 em past a 1.3 line box (Noto Sans CJK: ascent + descent 1.45 em), which Chromium counts as
      // overflow without anything being cut; a line that does not fit overflows by a whole line.
      const slack = 1 + 0.15 * parseFloat(getComputedStyle(el).fontSize);
      if (el.scrollHeight > el.clientHeight + slack && el.clientHeight > 0)
        problems.push(`${label} clipped down ${el.scrollHeight}>${el.clientHeight}`);
      // Any ancestor that hides overflow must hold the text whole.
      for (let a = el.parentElement; a && a !== screen.parentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
          problems.push(`${label} cut by ${a.tagName.toLowerCase()}.${a.className}`);
      }
    }
    return { problems, smallest };
  });
}

test('the shared screen fits every projector size in both languages, text scaled with the screen', async ({ deskPage: page, shot }) => {
  test.setTimeout(240_000);
  await login(page, 'clerk');
  const meetings = await rpc<{ id: number }[]>(page, 'meeting.list', {});
  const meetingId = meetings.value![0]!.id;
  const meeting = await rpc<{ agenda: { filingId: number }[] }>(page, 'meeting.get', { meetingId });
  // The agenda item with the most units still to decide gets the richest rows.
  const open = async (filingId: number) =>
    (await rpc<Review>(page, 'review.get', { filingId })).value!.sections.filter((s) => s.inRound && (!s.current || s.current.stale))
      .length;
  const counts = await Promise.all(meeting.value!.agenda.map((a) => open(a.filingId)));
  const index = counts.indexOf(Math.max(...counts));
  const filingId = meeting.value!.agenda[index]!.filingId;
  await decideAtTable(page, meetingId, filingId);
  await rpc(page, 'meeting.setCursor', { meetingId, position: index, focusUnit: null });

  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}/control`), meetingId);
  await expect(page.getByTestId('session-screen')).toHaveAttribute('data-filing-id', String(filingId));
  const [audience] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-audience').click()]);
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-view', 'audience');

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const p of [page, audience]) {
      await p.evaluate((l) => localStorage.setItem('desk.lang', l), lang);
      await p.reload();
    }
    for (const size of SIZES) {
      for (const [view, p] of [
        ['host', page],
        ['audience', audience],
      ] as const) {
        await p.setViewportSize(size);
        await expect(p.getByTestId('tally-yq')).toBeVisible();
        await expect(p.getByTestId('session-tally').locator('[data-via="session"]')).not.toHaveCount(0);
        await expect(p.getByTestId('session-project')).not.toBeEmpty();
        await expect(p.getByTestId('session-position')).toBeVisible();
        const where = `${view} ${size.width}×${size.height} ${lang}`;
        const { problems, smallest } = await layoutProblems(p);
        expect(problems, where).toEqual([]);
        // ≥ 28 px at 1920×1080, scaled with the screen height, never under 20 px.
        expect(smallest, where).toBeGreaterThanOrEqual(Math.max(20, (28 * size.height) / 1080) - 0.01);
        for (const unit of UNITS) await expect(p.getByTestId(`tally-${unit}`)).toBeInViewport({ ratio: 1 });
        await shot(`${view}-${size.width}x${size.height}-${lang}`, p);
      }
    }
  }
});
