import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import { navigate } from '../../router';
import { useSettings } from '../../components/filing/use-settings';
import type { FilingView } from '../../../../shared/contract/filings';
import { useDraft } from './use-draft';
import { RecordPanel, SaveIndicator } from './RecordPanel';

/** 新建登记: the first valid save creates the draft and opens its page; nothing is created for an untouched form. */
export function NewFilingPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const onCreated = useCallback((v: FilingView) => navigate(`/filings/${v.id}`), []);
  const draft = useDraft({ view: null, editable: true, onView: () => {}, onCreated });
  return (
    <Stack gap="sm" data-testid="new-filing-page">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={3}>{t('fn.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('fn.hint')}
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap">
          <SaveIndicator draft={draft} />
          <Button variant="default" onClick={() => navigate('/filings')}>
            {t('fn.cancel')}
          </Button>
          <Button onClick={() => void draft.flush()} loading={draft.status === 'saving'} disabled={!draft.isDirty} data-testid="save-draft">
            {t('fn.save')}
          </Button>
        </Group>
      </Group>
      <RecordPanel draft={draft} settings={settings} readOnly={false} />
    </Stack>
  );
}
