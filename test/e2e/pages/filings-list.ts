import type { Locator } from '@playwright/test';
import type { DeskShell } from './desk-shell';

export class FilingsListPage {
  constructor(readonly shell: DeskShell) {}

  async open(): Promise<void> {
    await this.shell.page.getByTestId('nav-filings').click();
    await this.shell.page.getByTestId('filings-list').waitFor();
  }

  row(filingId: number): Locator {
    return this.shell.page.locator(`[data-testid="filing-row"][data-filing-id="${filingId}"]`);
  }

  async search(text: string): Promise<void> {
    await this.shell.page.getByTestId('filings-search').fill(text);
  }
}
