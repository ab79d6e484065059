import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import type { Output } from '../../../../shared/contract';
import { formatTime, shortHash } from './format';
import { BackupsSection } from './BackupsSection';
import { LoadError } from '../../components/LoadError';

const PAGE = 50;
type Verdict = Output<'audit.verify'>;

function VerifyChain() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    const r = await call('audit.verify', {});
    setBusy(false);
    if (r.ok) setVerdict(r.value);
    else setError(r.error.message);
  };
  return (
    <Group gap="sm" align="center">
      <Button variant="light" onClick={() => void verify()} loading={busy} data-testid="audit-verify">
        {t('admin.audit.verify')}
      </Button>
      {verdict && (
        <Alert
          py={6}
          variant="light"
          color={verdict.ok ? 'green' : 'red'}
          data-testid="audit-verify-result"
          data-ok={verdict.ok}
          style={{ flex: 1 }}
        >
          {verdict.ok
            ? t('admin.audit.verifyOk', { entries: verdict.entries, head: shortHash(verdict.head) })
            : t('admin.audit.verifyBad', {
                seq: verdict.badSeq ?? '?',
                entries: verdict.entries,
                problem: t(`admin.audit.problem.${verdict.problem}`),
              })}
        </Alert>
      )}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Group>
  );
}

const outcomeColor = (o: string) => (o === 'ok' ? 'gray' : o === 'denied' ? 'orange' : 'red');

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  // Pages are addressed by the seq they start below; the stack remembers the way back to newer pages.
  const [stack, setStack] = useState<(number | null)[]>([null]);
  const beforeSeq = stack[stack.length - 1] ?? null;
  const { data, error, reload } = useQuery('audit.list', { beforeSeq, limit: PAGE });
  const rows = data ?? [];
  const last = rows[rows.length - 1];
  const hasOlder = rows.length === PAGE && last !== undefined && last.seq > 1;

  return (
    <Stack gap="sm">
      <div>
        <Title order={3}>{t('admin.audit.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('admin.audit.intro')}
        </Text>
      </div>
      <VerifyChain />
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="audit-range">
          {rows.length
            ? t('admin.audit.range', { from: rows[rows.length - 1]!.seq, to: rows[0]!.seq })
            : data
              ? t('admin.audit.empty')
              : null}
        </Text>
        <Group gap={4}>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void (stack.length > 1 ? setStack([null]) : reload())}
            data-testid="audit-newest"
          >
            {stack.length > 1 ? t('admin.audit.newest') : t('admin.reload')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={stack.length <= 1}
            onClick={() => setStack((s) => s.slice(0, -1))}
            data-testid="audit-newer"
          >
            {t('admin.audit.newer')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={!hasOlder}
            onClick={() => last && setStack((s) => [...s, last.seq])}
            data-testid="audit-older"
          >
            {t('admin.audit.older')}
          </Button>
        </Group>
      </Group>
      <Table striped withTableBorder data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('admin.audit.seq')}</Table.Th>
            <Table.Th w={170}>{t('admin.audit.at')}</Table.Th>
            <Table.Th>{t('admin.audit.actor')}</Table.Th>
            <Table.Th w={70}>{t('admin.audit.unit')}</Table.Th>
            <Table.Th>{t('admin.audit.action')}</Table.Th>
            <Table.Th>{t('admin.audit.target')}</Table.Th>
            <Table.Th w={90}>{t('admin.audit.outcome')}</Table.Th>
            <Table.Th w={130}>{t('admin.audit.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.seq} data-testid={`audit-row-${e.seq}`}>
              <Table.Td ff="monospace">{e.seq}</Table.Td>
              <Table.Td>{formatTime(e.at, i18n.language)}</Table.Td>
              <Table.Td>
                {e.actor ?? (
                  <Text span c="dimmed" size="sm">
                    {t('admin.audit.system')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.unit ? t(`unit.${e.unit}`) : ''}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {e.action}
              </Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {e.target ?? ''}
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={outcomeColor(e.outcome)}>
                  {t(`admin.audit.outcome.${e.outcome}`, { defaultValue: e.outcome })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Code fz="xs" title={e.hash}>
                  {shortHash(e.hash)}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {actor?.role === 'admin' && <BackupsSection onCreated={() => void (stack.length > 1 ? setStack([null]) : reload())} />}
    </Stack>
  );
}
