import { Fieldset, NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsForm } from './SettingsPage';

/** session-1: how long a signed-in session lasts without activity, and at most. */
export function SessionLimits({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('admin.settings.sessions.title')}>
      <SimpleGrid cols={3} spacing="sm">
        <NumberInput
          size="xs"
          label={t('admin.settings.sessions.idleMinutes')}
          allowDecimal={false}
          min={5}
          max={1440}
          data-testid="settings-sessions-idleMinutes"
          {...form.getInputProps('sessions.idleMinutes')}
        />
        <NumberInput
          size="xs"
          label={t('admin.settings.sessions.absoluteHours')}
          allowDecimal={false}
          min={1}
          max={720}
          data-testid="settings-sessions-absoluteHours"
          {...form.getInputProps('sessions.absoluteHours')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
