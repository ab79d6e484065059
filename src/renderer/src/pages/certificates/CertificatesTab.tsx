import { Alert, Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../shared/contract/certificates';
import { call, fileUrl } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import { formatStamp } from '../../components/review/labels';
import { newIdempotencyKey } from '../../api/idempotency';
import { mayBeUnsent } from '../../../../shared/result';
import { CertificateStatusBadge } from './StatusBadge';
import { PdfPreview } from './PdfPreview';

/** The filing's certificate: issue it when the rules allow (or say why not), preview and print it; and its notices. */
export function CertificatesTab({ filingId, version, onChanged }: { filingId: number; version: number; onChanged(): void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const isClerk = actor?.role === 'clerk';
  const { data, error, reload } = useQuery('certificate.forFiling', { filingId }, [version]);
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [shown, setShown] = useState<{ kind: 'certificate' | 'notice'; id: string; label: string } | null>(null);

  const issue = async () => {
    if (!data) return;
    setIssuing(true);
    setIssueError(null);
    const r = await call('certificate.issue', { filingId, version: data.filingVersion, idempotencyKey: key });
    setIssuing(false);
    if (!r.ok) {
      setIssueError(r.error.message);
      // A retry after a transport failure reuses the key; after a refusal the next try is a new intent.
      if (!mayBeUnsent(r.error.code)) setKey(newIdempotencyKey());
      return;
    }
    setKey(newIdempotencyKey());
    setShown({ kind: 'certificate', id: String(r.value.id), label: r.value.number });
    await reload();
    onChanged();
  };

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return null;
  const current = data.certificates[0] ?? null;
  const preview = shown ?? (current ? { kind: 'certificate' as const, id: String(current.id), label: current.number } : null);

  return (
    <Stack gap="md" data-testid="certificates-tab">
      <Paper withBorder p="md" radius="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={4}>{t('cert.ui.title')}</Title>
            {data.canIssue ? (
              <Text size="sm" c="dimmed">
                {t('cert.ui.canIssue')}
              </Text>
            ) : data.certificates.length === 0 ? (
              <Stack gap={2} data-testid="cert-problems">
                <Text size="sm" c="dimmed">
                  {t('cert.ui.cannotIssue')}
                </Text>
                <List size="sm">
                  {data.problems.map((p) => (
                    <List.Item key={p.key}>
                      {t(p.key, { ...p.params, state: p.params.state ? t(`state.${p.params.state}`) : '' })}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : null}
          </Stack>
          {isClerk && data.canIssue && (
            <Button onClick={() => void issue()} loading={issuing} data-testid="cert-issue">
              {t('cert.ui.issue')}
            </Button>
          )}
        </Group>
        {issueError && (
          <Alert mt="sm" color="red" variant="light" role="alert" data-testid="cert-error">
            {issueError}
          </Alert>
        )}
        {data.certificates.length > 0 && (
          <CertificateTable rows={data.certificates} onShow={(c) => setShown({ kind: 'certificate', id: String(c.id), label: c.number })} />
        )}
      </Paper>

      {data.issuedNotices.length > 0 && (
        <Paper withBorder p="md" radius="sm">
          <Title order={5} mb="xs">
            {t('cert.ui.notices')}
          </Title>
          <Table withTableBorder data-testid="issued-notices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cert.ui.noticeTitle')}</Table.Th>
                <Table.Th>{t('cert.ui.noticeIssued')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.issuedNotices.map((n, i) => (
                <Table.Tr key={n.id} data-testid={`issued-notice-${n.id}`} data-kind={n.kind}>
                  <Table.Td>{t(`cert.notice.${n.kind}`)}</Table.Td>
                  <Table.Td>{formatStamp(n.decidedAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setShown({ kind: 'notice', id: String(n.id), label: t(`cert.notice.${n.kind}`) })}
                      // The newest notice of each kind keeps the kind's handle.
                      data-testid={data.issuedNotices.findIndex((m) => m.kind === n.kind) === i ? `notice-${n.kind}` : undefined}
                    >
                      {t('cert.ui.openNotice')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {preview && <PdfPreview key={`${preview.kind}/${preview.id}`} kind={preview.kind} id={preview.id} label={preview.label} />}
    </Stack>
  );
}

function CertificateTable({ rows, onShow }: { rows: CertificateView[]; onShow(c: CertificateView): void }) {
  const { t } = useTranslation();
  return (
    <Table mt="sm" data-testid="cert-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cert.col.number')}</Table.Th>
          <Table.Th>{t('cert.col.status')}</Table.Th>
          <Table.Th>{t('cert.col.issuedAt')}</Table.Th>
          <Table.Th>{t('cert.col.code')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id} data-testid={`cert-row-${c.id}`}>
            <Table.Td className="tabular" data-testid="cert-number">
              {c.number}
            </Table.Td>
            <Table.Td>
              <CertificateStatusBadge status={c.status} closed={c.closed} />
              {c.statusReason && (
                <Text size="xs" c="dimmed">
                  {c.statusReason}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatStamp(c.issuedAt)}</Table.Td>
            <Table.Td className="tabular" data-testid="cert-code">
              {c.verificationCode}
            </Table.Td>
            <Table.Td>
              <Group gap="sm" justify="flex-end">
                <Anchor component="button" size="sm" onClick={() => onShow(c)}>
                  {t('cert.ui.show')}
                </Anchor>
                <Anchor href={fileUrl('certificate', c.id)} target="_blank" rel="noopener" size="sm">
                  {t('cert.ui.print')}
                </Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
