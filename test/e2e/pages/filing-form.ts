import { expect, type Locator } from '@playwright/test';
import type { DeskShell } from './desk-shell';

/** The record form (new filing page and the record tab): inputs are `f-<dotted path>`. */
export class FilingFormPage {
  constructor(readonly shell: DeskShell) {}

  field(path: string): Locator {
    return this.shell.page.getByTestId(`f-${path}`);
  }

  async fill(path: string, value: string): Promise<void> {
    await this.field(path).fill(value);
  }

  /** Leaves the field (Tab), which is when the form shows a format error. */
  async fillAndLeave(path: string, value: string): Promise<void> {
    await this.field(path).fill(value);
    await this.field(path).press('Tab');
  }

  async expectError(path: string, message: string): Promise<void> {
    await expect(this.field(path)).toHaveAttribute('aria-invalid', 'true');
    const id = await this.field(path).getAttribute('aria-describedby');
    const described = id ? this.shell.page.locator(`[id="${id.split(' ').find((x) => x.endsWith('-error')) ?? id}"]`) : null;
    await expect(described ?? this.shell.page.getByText(message)).toHaveText(message);
  }

  async expectNoError(path: string): Promise<void> {
    await expect(this.field(path)).not.toHaveAttribute('aria-invalid', 'true');
  }

  async addProduct(name: string, cas: string): Promise<void> {
    const rows = await this.shell.page.locator('[data-testid^="f-project.products."][data-testid$=".name"]').count();
    await this.shell.page.getByTestId('f-project.products-add').click();
    await this.fill(`project.products.${rows}.name`, name);
    await this.fill(`project.products.${rows}.cas`, cas);
  }

  async addChemical(name: string, cas: string, inProcess: string, stored: string): Promise<void> {
    const rows = await this.shell.page.locator('[data-testid^="f-project.chemicals."][data-testid$=".name"]').count();
    await this.shell.page.getByTestId('f-project.chemicals-add').click();
    await this.fill(`project.chemicals.${rows}.name`, name);
    await this.fill(`project.chemicals.${rows}.cas`, cas);
    await this.fill(`project.chemicals.${rows}.maxInProcessT`, inProcess);
    await this.fill(`project.chemicals.${rows}.maxStoredT`, stored);
  }

  saveStatus(): Locator {
    return this.shell.page.getByTestId('save-status');
  }

  /** Waits until the autosave has written everything typed so far. */
  async waitSaved(): Promise<void> {
    await expect(this.saveStatus()).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  }
}
