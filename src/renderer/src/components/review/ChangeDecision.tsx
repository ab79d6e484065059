import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Domain §6: a unit's later decision in the same round replaces its earlier one while the round is open, and the
 * replaced decision stays in the history. The reviewer is told so before the form opens.
 */
export function ChangeDecision({ open, onOpen, form }: { open: boolean; onOpen(open: boolean): void; form: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="change-decision">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('rv.change.hint')}
        </Text>
        <Button variant={open ? 'subtle' : 'light'} size="compact-sm" onClick={() => onOpen(!open)} data-testid="change-decision-toggle">
          {t(open ? 'rv.change.cancel' : 'rv.change.open')}
        </Button>
      </Group>
      {open && form}
    </Stack>
  );
}
