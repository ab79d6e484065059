import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-2026-desk';

/** Signing in and out through the real login screen, as each person at the desk does. */
export async function login(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
}

export const UNITS = ['yj', 'hb', 'gh', 'sp', 'yq'] as const;
/** The demo reviewer of a unit signs in with the unit's code (yj, hb, …). */
export const reviewer = (unit: (typeof UNITS)[number]): string => unit;

/** Calls a channel as the user signed in on `page`, with that tab's own token and the session cookie. */
export async function rpc<T = unknown>(
  page: Page,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: T; error?: { message: string } }> {
  return page.evaluate(
    async ([ch, body]) => {
      const response = await fetch(`/rpc/${ch}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-desk-token': sessionStorage.getItem('desk.token') ?? '',
          'x-desk-lang': 'zh-CN',
        },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    [channel, input] as const,
  );
}

export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = p;
  }, path);
}

export class InboxPage {
  constructor(readonly page: Page) {}
  async open(): Promise<void> {
    await this.page.getByTestId('nav-inbox').click();
    await expect(this.page.getByTestId('inbox-table')).toBeVisible();
  }
  row(filingId: number): Locator {
    return this.page.getByTestId(`inbox-row-${filingId}`);
  }
  /** Unit codes shown as waiting in a row, in order. */
  async units(filingId: number): Promise<string[]> {
    return this.row(filingId)
      .locator('[data-unit]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-unit') ?? ''));
  }
  /** Filing ids in display order with their waiting units. */
  async rows(): Promise<{ id: number; units: string[]; round: string; stale: string[] }[]> {
    return this.page.locator('[data-testid^="inbox-row-"]').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: Number(tr.getAttribute('data-testid')!.replace('inbox-row-', '')),
        units: [...tr.querySelectorAll('[data-unit]')].map((e) => e.getAttribute('data-unit') ?? ''),
        stale: [...tr.querySelectorAll('[data-stale]')].map((e) => e.getAttribute('data-unit') ?? ''),
        round: tr.querySelectorAll('td')[3]?.textContent ?? '',
      })),
    );
  }
}

export interface DecisionPlan {
  decision: 'approve' | 'approveWithConditions' | 'revise' | 'reject' | 'notInvolved';
  opinion?: string;
  /** Checklist item codes to answer "fail" (with a note); every other item passes. */
  fail?: { code: string; note: string }[];
  conditions?: { text: string; unit?: string; days?: number }[];
  reason?: string;
}

export class ReviewTab {
  constructor(readonly page: Page) {}
  async open(filingId: number): Promise<void> {
    await go(this.page, `/filings/${filingId}`);
    await this.page.getByTestId('tab-review').click();
    await expect(this.page.getByTestId('review-tab')).toBeVisible();
  }
  get tab(): Locator {
    return this.page.getByTestId('review-tab');
  }
  section(unit: string): Locator {
    return this.page.getByTestId(`section-${unit}`);
  }
  get form(): Locator {
    return this.page.getByTestId('decision-form');
  }
  async decide(plan: DecisionPlan): Promise<void> {
    const form = this.form;
    await expect(form).toBeVisible();
    const version = await this.tab.getAttribute('data-version');
    if (plan.decision !== 'notInvolved') {
      await form.getByTestId('checklist-all-pass').click();
      for (const f of plan.fail ?? []) {
        const row = form.getByTestId(`check-${f.code}`);
        await row.getByText('不通过', { exact: true }).click();
        await row.getByRole('textbox').fill(f.note);
      }
    }
    await form.getByTestId(`decision-${plan.decision}-radio`).check();
    if (plan.reason) await form.getByTestId('decision-reason').fill(plan.reason);
    if (plan.opinion) await form.getByTestId('decision-opinion').fill(plan.opinion);
    for (const [i, c] of (plan.conditions ?? []).entries()) {
      if (i > 0) await form.getByTestId('condition-add').click();
      await form.getByTestId(`condition-${i}-text`).fill(c.text);
      if (c.days) await form.getByTestId(`condition-${i}-days`).fill(String(c.days));
    }
    await form.getByTestId('decision-submit').click();
    // Saved: the form goes away and the section shows the decision, on a newer version.
    await expect(form).toHaveCount(0);
    await expect(this.tab).not.toHaveAttribute('data-version', version ?? '');
  }
}

export class TrajectoryTab {
  constructor(readonly page: Page) {}
  async open(filingId: number): Promise<void> {
    await go(this.page, `/filings/${filingId}`);
    await this.page.getByTestId('tab-trajectory').click();
    await expect(this.page.getByTestId('trajectory-svg')).toBeVisible();
  }
  get summary(): Locator {
    return this.page.getByTestId('traj-summary');
  }
  /** Parties whose lane is highlighted as holding the move. */
  async holders(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="traj-lane-"][data-holder="true"]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-testid')!.replace('traj-lane-', '')));
  }
}
