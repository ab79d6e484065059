import { Alert, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { formatStamp } from '../../components/review/labels';
import { VerifyResultBadge } from './StatusBadge';

type Outcome = Output<'certificate.verify'>;

/**
 * A verification result. A genuine code proves the record, not the paper, so the registered facts are always shown
 * for the reader to compare with the certificate in hand; a PDF that is not the issued file says so first.
 */
export function VerifyOutcome({ result }: { result: Outcome }) {
  const { t } = useTranslation();
  const f = result.facts;
  const s = result.status;
  return (
    <Paper p="md" withBorder data-testid="verify-outcome">
      <Group gap="md" mb="sm">
        <VerifyResultBadge result={result.result} />
        <Text fw={500} data-testid="verify-message">
          {result.message}
        </Text>
      </Group>
      {result.file && (
        <Alert
          mb="sm"
          color={result.file === 'issued' ? 'teal' : 'red'}
          variant={result.file === 'issued' ? 'light' : 'filled'}
          data-testid="verify-file"
          data-file={result.file}
        >
          {t(result.file === 'issued' ? 'cert.verify.fileIssued' : 'cert.verify.fileDiffers')}
        </Alert>
      )}
      {f && (
        <Text size="sm" mb="xs" c="dimmed">
          {t('cert.verify.compare')}
        </Text>
      )}
      {!f && result.number && result.recordHash && (
        <Alert mb="sm" color="yellow" variant="light" data-testid="verify-key-only">
          {t('cert.verify.keyOnly', { number: result.number, hash: result.recordHash })}
        </Alert>
      )}
      {result.number && (
        <Table variant="vertical" withTableBorder layout="fixed" maw={820} data-testid="verify-facts">
          <Table.Tbody>
            <Row label={t('cert.col.number')} value={result.number} />
            {f && <Row label={t('cert.fact.applicant')} value={f.applicantName} id="applicant" />}
            {f && <Row label={t('cert.fact.creditCode')} value={f.creditCode} />}
            {f && <Row label={t('cert.fact.legalRep')} value={f.legalRepresentative} />}
            {(f?.projectName ?? result.projectName) && <Row label={t('cert.col.project')} value={f?.projectName ?? result.projectName!} />}
            {f && <Row label={t('cert.fact.site')} value={`${f.parkName} / ${f.baseName} / ${f.bay}`} />}
            {f && <Row label={t('cert.fact.runPeriod')} value={`${f.runFrom} – ${f.extensionTo ?? f.runTo}`} />}
            {f && <Row label={t('cert.fact.issuer')} value={`${f.issuer} ${f.issueDate}`} />}
            {result.filingNo && <Row label={t('cert.col.filingNo')} value={result.filingNo} />}
            {s && (
              <Row
                label={t('cert.fact.status')}
                value={
                  s.at
                    ? t('cert.verify.statusAt', { status: t(`cert.status.${s.status}`), at: formatStamp(s.at) })
                    : t(`cert.status.${s.status}`)
                }
                id="status"
              />
            )}
            {s?.reason && <Row label={t('cert.fact.statusReason')} value={s.reason} id="status-reason" />}
            {result.issuedAt && <Row label={t('cert.col.issuedAt')} value={formatStamp(result.issuedAt)} />}
            {result.replacedBy && <Row label={t('cert.col.replacedBy')} value={result.replacedBy} />}
            {result.keyId && <Row label={t('cert.col.keyId')} value={result.keyId} />}
            {result.recordHash && <Row label={t('cert.fact.recordHash')} value={result.recordHash} />}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td className="tabular" style={{ overflowWrap: 'anywhere' }} data-testid={id ? `verify-fact-${id}` : undefined}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
