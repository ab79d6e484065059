import { Alert, Code, Loader, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitCode } from '../../../../shared/domain/units';
import { useQuery } from '../../hooks/use-call';

/** Values as a reader sees them: strings plain, absent as a dash, structures as compact JSON. */
function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Exactly what changed since the unit signed: path, old beside new. */
export function DiffModal({
  filingId,
  section,
  sectionName,
  onClose,
}: {
  filingId: number;
  section: UnitCode | null;
  sectionName: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery('review.diff', section ? { filingId, section } : null);
  const label = (path: string) => {
    // Array indexes do not change the field's name: project.chemicals.0.cas -> project.chemicals.cas.
    const generic = path.replace(/\.\d+(?=\.|$)/g, '');
    const key = `ff.${generic}`;
    const text = t(key, { defaultValue: '' });
    return text && text !== key ? text : null;
  };
  return (
    <Modal opened={section !== null} onClose={onClose} size="xl" title={t('rv.diff.title', { unit: sectionName })} data-testid="diff-modal">
      {loading && <Loader size="sm" />}
      {error && <Alert color="red">{error.message}</Alert>}
      {data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="diff-versions">
            {t('rv.diff.versions', { signed: data.signedVersion ?? '—', current: data.currentVersion })}
          </Text>
          {data.changes.length === 0 ? (
            <Text size="sm">{t('rv.diff.none')}</Text>
          ) : (
            <Table withTableBorder withColumnBorders data-testid="diff-table" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">{t('rv.diff.path')}</Table.Th>
                  <Table.Th>{t('rv.diff.before')}</Table.Th>
                  <Table.Th>{t('rv.diff.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.changes.map((c) => (
                  <Table.Tr key={c.path} data-path={c.path}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      {label(c.path) && <Text size="sm">{label(c.path)}</Text>}
                      <Code>{c.path}</Code>
                    </Table.Td>
                    <Table.Td bg="red.0" style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }} data-testid="diff-before">
                      <Text size="sm" td={c.before === undefined ? undefined : 'line-through'} c="red.9">
                        {show(c.before)}
                      </Text>
                    </Table.Td>
                    <Table.Td bg="green.0" style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }} data-testid="diff-after">
                      <Text size="sm" c="green.9">
                        {show(c.after)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Modal>
  );
}
