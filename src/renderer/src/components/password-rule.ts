import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type Rule = typeof import('../../../shared/domain/password');
let rule: Promise<Rule> | null = null;
/** Loaded on first use: zxcvbn's dictionaries are large, and only the password forms need them. */
const loadRule = () => (rule ??= import('../../../shared/domain/password'));

interface PasswordForm {
  setFieldError(path: string, error: string): void;
  clearFieldError(path: string): void;
}

/**
 * The desk's own password rule (shared/domain/password.ts, the one the server enforces) guiding a form: the reason
 * shows beside the field when it is left and again at submit, and `check` is false when the desk would refuse, so
 * the form sends nothing.
 */
export function usePasswordRule(form: PasswordForm, field = 'password') {
  const { t } = useTranslation();
  const check = useCallback(
    async (password: string, username?: string): Promise<boolean> => {
      const key = (await loadRule()).passwordMessageKey(password, username);
      if (key) form.setFieldError(field, t(key));
      else form.clearFieldError(field);
      return key === null;
    },
    [form, field, t],
  );
  return check;
}
