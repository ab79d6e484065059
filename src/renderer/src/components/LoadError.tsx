import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A list that could not be loaded says so and offers to try again; it never shows the "nothing matches" line, which
 * would read as an empty result.
 */
export function LoadError({ message, onRetry }: { message: string; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" data-testid="list-error">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('list.loadFailed', { message })}</Text>
        <Button size="compact-sm" variant="outline" color="red" onClick={onRetry} data-testid="list-retry">
          {t('rv.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
