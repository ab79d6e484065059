import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_STATUSES, type CertificateStatus, type CertificateView } from '../../../../shared/contract/certificates';
import { call, fileUrl } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import { formatStamp } from '../../components/review/labels';
import { newIdempotencyKey } from '../../api/idempotency';
import { useLiveReload } from '../../components/review/use-live';
import { CertificateStatusBadge } from './StatusBadge';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { LoadError } from '../../components/LoadError';

const PAGE = 50;

/** 证书登记簿: every certificate, newest number first; search, status, re-print, revoke and re-issue. */
export function RegisterPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CertificateStatus | null>(null);
  const [page, setPage] = useState(1);
  const { data, error, reload } = useQuery('certificate.list', { query, status, offset: (page - 1) * PAGE, limit: PAGE });
  useLiveReload(['filing.changed'], reload);
  const [action, setAction] = useState<{ kind: 'revoke' | 'reissue'; cert: CertificateView } | null>(null);

  return (
    <Paper p="md" withBorder data-testid="register-page">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('cert.nav.register')}</Title>
        <Text size="sm" c="dimmed" data-testid="register-total">
          {t('cert.ui.total', { n: data?.total ?? 0 })}
        </Text>
      </Group>
      <Group mb="sm" align="flex-end">
        <TextInput
          label={t('cert.ui.search')}
          placeholder={t('cert.ui.searchHint')}
          value={query}
          onChange={(e) => (setQuery(e.currentTarget.value), setPage(1))}
          w={360}
          data-testid="register-search"
        />
        <Select
          label={t('cert.col.status')}
          data={CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`cert.status.${s}`) }))}
          value={status}
          onChange={(v) => (setStatus(v as CertificateStatus | null), setPage(1))}
          clearable
          placeholder={t('cert.ui.allStatuses')}
          w={180}
          data-testid="register-status"
        />
      </Group>
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      <Table striped highlightOnHover data-testid="register-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cert.col.number')}</Table.Th>
            <Table.Th>{t('cert.col.project')}</Table.Th>
            <Table.Th>{t('cert.col.applicant')}</Table.Th>
            <Table.Th>{t('cert.col.status')}</Table.Th>
            <Table.Th>{t('cert.col.issuedAt')}</Table.Th>
            <Table.Th>{t('cert.col.code')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.rows ?? []).map((c) => (
            <Table.Tr key={c.id} data-testid={`register-row-${c.id}`} data-number={c.number}>
              <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {c.number}
                {c.replacesNumber && (
                  <Text size="xs" c="dimmed">
                    {t('cert.ui.replaces', { number: c.replacesNumber })}
                  </Text>
                )}
                {c.replacedByNumber && (
                  <Text size="xs" c="dimmed">
                    {t('cert.ui.replacedBy', { number: c.replacedByNumber })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor href={`#/filings/${c.filingId}`} size="sm">
                  {c.projectName}
                </Anchor>
                <Text size="xs" c="dimmed" className="tabular">
                  {c.filingNo}
                </Text>
              </Table.Td>
              <Table.Td>{c.applicantName}</Table.Td>
              <Table.Td>
                <CertificateStatusBadge status={c.status} closed={c.closed} />
                {c.statusReason && (
                  <Text size="xs" c="dimmed">
                    {c.statusReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatStamp(c.issuedAt)}</Table.Td>
              <Table.Td className="tabular">{c.verificationCode}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <Button
                    component="a"
                    href={fileUrl('certificate', c.id)}
                    target="_blank"
                    rel="noopener"
                    size="compact-sm"
                    variant="light"
                    data-testid="register-print"
                  >
                    {t('cert.ui.print')}
                  </Button>
                  {actor?.role === 'clerk' && c.status === 'issued' && !c.closed && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setAction({ kind: 'reissue', cert: c })}
                      data-testid="register-reissue"
                    >
                      {t('cert.ui.reissue')}
                    </Button>
                  )}
                  {actor?.role === 'clerk' && !c.closed && (c.status === 'issued' || c.status === 'suspended') && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={() => setAction({ kind: 'revoke', cert: c })}
                      data-testid="register-revoke"
                    >
                      {t('cert.ui.revoke')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && data.rows.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('cert.ui.empty')}
        </Text>
      )}
      {data && data.total > PAGE && <Pagination mt="sm" total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />}
      {action && <ActionModal action={action} onClose={() => setAction(null)} onDone={() => (setAction(null), void reload())} />}
    </Paper>
  );
}

function ActionModal({
  action,
  onClose,
  onDone,
}: {
  action: { kind: 'revoke' | 'reissue'; cert: CertificateView };
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const submit = async () => {
    setBusy(true);
    const r =
      action.kind === 'revoke'
        ? await call('certificate.revoke', { id: action.cert.id, reason })
        : await call('certificate.reissue', { id: action.cert.id, reason, idempotencyKey: key });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error.fields?.reason ?? r.error.message);
  };
  return (
    <Modal opened onClose={onClose} title={t(`cert.ui.${action.kind}Title`, { number: action.cert.number })} size="lg">
      <Stack>
        <Text size="sm">{t(`cert.ui.${action.kind}Explain`)}</Text>
        <Textarea
          label={t('cert.ui.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          data-testid="action-reason"
        />
        {error && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('cert.ui.cancel')}
          </Button>
          <Button
            color={action.kind === 'revoke' ? 'red' : undefined}
            onClick={() => void submit()}
            loading={busy}
            disabled={!reason.trim()}
            data-testid="action-confirm"
          >
            {t(`cert.ui.${action.kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
