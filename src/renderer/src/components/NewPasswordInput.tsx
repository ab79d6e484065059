import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PasswordForm {
  getInputProps(path: string): object;
  getValues(): Record<string, unknown>;
}

/**
 * A new password's field, the same everywhere one is chosen (set-up, a new account, a reset, one's own change): the
 * rule as its hint, and the desk's own rule (`check`, from usePasswordRule) saying beside it why not when it is left.
 */
export function NewPasswordInput({
  form,
  path = 'password',
  username,
  check,
  ...rest
}: Omit<PasswordInputProps, 'form'> & {
  form: PasswordForm;
  path?: string;
  /** The account's username, which the password must not be. */
  username: string | undefined;
  check(password: string, username?: string): Promise<boolean>;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      description={t('setup.passwordRule')}
      autoComplete="new-password"
      {...rest}
      {...form.getInputProps(path)}
      onBlur={() => void check(String(form.getValues()[path] ?? ''), username)}
    />
  );
}
