import { expect, type Locator } from '@playwright/test';
import type { DeskShell } from './desk-shell';

/** The filing page: header, tabs, materials and the acceptance decision. */
export class FilingPageObject {
  constructor(readonly shell: DeskShell) {}

  get root(): Locator {
    return this.shell.page.getByTestId('filing-page');
  }

  async id(): Promise<number> {
    return Number(await this.root.getAttribute('data-filing-id'));
  }

  async openTab(name: 'record' | 'materials' | 'acceptance'): Promise<void> {
    await this.shell.page.getByTestId(`tab-${name}`).click();
  }

  async expectState(state: string): Promise<void> {
    await expect(this.root.getByTestId('state-badge').first()).toHaveAttribute('data-state', state);
  }

  material(code: string): Locator {
    return this.shell.page.getByTestId(`material-${code}`);
  }

  async attach(code: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.shell.page.getByTestId(`attach-input-${code}`).setInputFiles(file);
  }

  /** Marks paper received without a file (the switch's own input lies over its label and takes the click). */
  async markPaper(code: string): Promise<void> {
    const row = this.material(code);
    await this.shell.page.getByTestId(`paper-${code}`).click();
    await expect(row).toHaveAttribute('data-state', 'present');
  }

  /** Applicable materials still missing, by code. */
  async missingApplicable(): Promise<string[]> {
    return this.shell.page
      .locator('tr[data-testid^="material-"][data-applicable="true"][data-state="missing"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace(/^material-/, '')));
  }

  async submit(): Promise<void> {
    await this.shell.page.getByTestId('filing-submit').click();
  }

  async chooseDecision(decision: 'accept' | 'conditional' | 'correction' | 'notAccepted'): Promise<void> {
    await this.shell.page.getByTestId(`decision-${decision}`).check();
  }
}
