import { Alert, Center, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { dataDirOf, reanchorCommand } from '../../../shared/domain/restore-command';

/** The database failed its startup check: say what is wrong and what is kept, write nothing. */
export function DbProblemPage({ db }: { db: Output<'auth.status'>['db'] }) {
  const { t } = useTranslation();
  return (
    <Center h="100%">
      <Paper withBorder p="xl" w={640} shadow="xs">
        <Stack>
          <Title order={3} c="red.8">
            {t('db.title')}
          </Title>
          <Alert color="red" variant="light" title={t(db.problem ?? 'db.corrupt')}>
            <Text size="sm">{t('db.readOnly')}</Text>
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>
              {t('db.fileKept')} <Code>{db.path}</Code>
            </List.Item>
            {db.detail && (
              <List.Item>
                {t('db.detail')} <Code>{db.detail}</Code>
              </List.Item>
            )}
            <List.Item>
              {db.latestBackup ? (
                <>
                  {t('db.backupAvailable')} <Code>{db.latestBackup}</Code>
                </>
              ) : (
                t('db.noBackup')
              )}
            </List.Item>
          </List>
          {db.latestBackup ? (
            <>
              <Text size="sm" c="dimmed">
                {t('db.restoreHint')}
              </Text>
              {db.restoreCommand && (
                // Wrapped, not scrolled: the whole command must be readable to be copied from a projector or a photo.
                <Code block data-testid="restore-command" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {db.restoreCommand}
                </Code>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="no-backup-hint">
              {t('db.noBackupHint', { dir: dataDirOf(db.path) })}
            </Text>
          )}
          {db.problem === 'db.chain' && (
            <>
              <Text size="sm" c="dimmed">
                {t('db.reanchorHint')}
              </Text>
              <Code block>{reanchorCommand(db.path)}</Code>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
