import { Alert, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DescribedChange, LabelPart } from '../../../../shared/domain/fact-changes';
import type { UnitCode } from '../../../../shared/domain/units';
import { useQuery } from '../../hooks/use-call';

type T = ReturnType<typeof useTranslation>['t'];

/** Values as a reader sees them: strings plain, yes/no for flags, absent as a dash, structures as compact JSON. */
function show(t: T, v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return t(v ? 'rv.diff.yes' : 'rv.diff.no');
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** A field's label in the reader's language; a key the catalogue lacks falls back to the path's last word. */
const labelOf = (t: T, parts: LabelPart[]) => parts.map((p) => t(p.key, { ...p.params, defaultValue: p.key.split('.').pop() })).join(' · ');

/** One side of a paper's change: its state (when it changed) and the files only this side has. */
function paperSide(t: T, c: Extract<DescribedChange, { kind: 'paper' }>, side: 'before' | 'after'): ReactNode {
  const state = side === 'before' ? c.stateBefore : c.stateAfter;
  const files = side === 'before' ? c.removed : c.added;
  return (
    <Stack gap={2}>
      {state && <Text size="sm">{t(`fm.state.${state}`, { defaultValue: state })}</Text>}
      {files.length > 0 && (
        <Text size="sm" data-testid={side === 'before' ? 'diff-removed' : 'diff-added'}>
          {t(side === 'before' ? 'rv.diff.removed' : 'rv.diff.added')}
          {t('rv.colon')}
          {files.map((f) => f ?? t('rv.diff.unnamedFile')).join('、')}
        </Text>
      )}
      {!state && files.length === 0 && <Text size="sm">—</Text>}
    </Stack>
  );
}

const cellStyle = { wordBreak: 'break-word', whiteSpace: 'pre-wrap' } as const;

/** Exactly what changed since the unit signed, in words: the field's label or the paper's name, old beside new. */
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
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useQuery('review.diff', section ? { filingId, section } : null);
  const en = i18n.language === 'en';
  return (
    <Modal opened={section !== null} onClose={onClose} size="xl" title={t('rv.diff.title', { unit: sectionName })} data-testid="diff-modal">
      {loading && <Loader size="sm" />}
      {error && <Alert color="red">{error.message}</Alert>}
      {data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="diff-versions">
            {t('rv.diff.versions', { signed: data.signedVersion ?? '—', current: data.currentVersion })}
          </Text>
          {data.described.length === 0 ? (
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
                {data.described.map((c) => (
                  <Table.Tr key={c.path} data-path={c.path}>
                    <Table.Td style={cellStyle} data-testid="diff-label">
                      <Text size="sm" fw={600}>
                        {c.kind === 'field' ? labelOf(t, c.label) : `${t('rv.diff.paper')}${t('rv.colon')}${en ? c.nameEn : c.nameZh}`}
                      </Text>
                    </Table.Td>
                    <Table.Td bg="red.0" style={cellStyle} data-testid="diff-before">
                      {c.kind === 'field' ? (
                        <Text size="sm" td={c.before === undefined ? undefined : 'line-through'} c="red.9">
                          {show(t, c.before)}
                        </Text>
                      ) : (
                        paperSide(t, c, 'before')
                      )}
                    </Table.Td>
                    <Table.Td bg="green.0" style={cellStyle} data-testid="diff-after">
                      {c.kind === 'field' ? (
                        <Text size="sm" c="green.9">
                          {show(t, c.after)}
                        </Text>
                      ) : (
                        paperSide(t, c, 'after')
                      )}
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
