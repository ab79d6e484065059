import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus, VerifyResult } from '../../../../shared/contract/certificates';

const STATUS_COLOR: Record<CertificateStatus, string> = { issued: 'green', suspended: 'yellow', revoked: 'red', superseded: 'gray' };
const RESULT_COLOR: Record<VerifyResult, string> = { valid: 'green', invalid: 'red', suspended: 'yellow', revoked: 'red' };

/** A certificate's status; `closed` (issued, pilot closed) reads "no longer in force (closed)". Badges never truncate. */
export function CertificateStatusBadge({ status, closed = false }: { status: CertificateStatus; closed?: boolean }) {
  const { t } = useTranslation();
  const shown = closed ? 'closed' : status;
  return (
    <Badge
      color={closed ? 'gray' : STATUS_COLOR[status]}
      variant="light"
      data-testid="cert-status"
      data-status={shown}
      styles={{
        root: { maxWidth: 'none', height: 'auto', minHeight: 'var(--badge-height)' },
        label: { overflow: 'visible', whiteSpace: 'normal' },
      }}
    >
      {t(`cert.status.${shown}`)}
    </Badge>
  );
}

export function VerifyResultBadge({ result, size = 'xl' }: { result: VerifyResult; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={RESULT_COLOR[result]} variant="filled" size={size} data-testid="verify-result" data-result={result}>
      {t(`cert.result.${result}`)}
    </Badge>
  );
}
