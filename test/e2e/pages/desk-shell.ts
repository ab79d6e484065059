import { expect, type Page } from '@playwright/test';
import { translate, type Lang } from '../../../src/shared/i18n';

/** First start, sign-in and the app shell, in one language; `t` gives the text the user sees. */
export class DeskShell {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  t(key: string, params: Record<string, unknown> = {}): string {
    return translate(this.lang, key, params);
  }

  /** Picks the language with the switch on whichever screen shows it (setup, login, shell). */
  async chooseLanguage(): Promise<void> {
    const sw = this.page.getByTestId('lang-switch');
    await sw.getByText(this.lang === 'en' ? 'EN' : '中文', { exact: true }).click();
    // The window title follows the catalogue, so it shows which language the screens are in (after the screen's own name).
    await expect(this.page).toHaveTitle(new RegExp(`${this.t('app.title').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }

  async createAdmin(username: string, displayName: string, password: string): Promise<void> {
    const p = this.page;
    await p.getByTestId('setup-username').fill(username);
    await p.getByTestId('setup-displayName').fill(displayName);
    await p.getByTestId('setup-password').fill(password);
    await p.getByTestId('setup-confirm').fill(password);
    await p.getByTestId('setup-submit').click();
    await expect(p.getByTestId('logout')).toBeVisible({ timeout: 20_000 });
  }

  async login(username: string, password: string): Promise<void> {
    const p = this.page;
    await p.getByTestId('login-username').fill(username);
    await p.getByTestId('login-password').fill(password);
    await p.getByTestId('login-submit').click();
    await expect(p.getByTestId('logout')).toBeVisible({ timeout: 20_000 });
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await expect(this.page.getByTestId('login-username')).toBeVisible();
  }

  /** Hash navigation keeps the tab's token and session (a full reload would too, but slower). */
  async go(path: string): Promise<void> {
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, path);
  }

  /** Chooses an option of a Mantine Select (or MultiSelect) by its visible label. */
  async choose(testId: string, label: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: label }).first().click();
  }
}
