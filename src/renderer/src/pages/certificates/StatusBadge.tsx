import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus, VerifyResult } from '../../../../shared/contract/certificates';

const STATUS_COLOR: Record<CertificateStatus, string> = { issued: 'green', suspended: 'yellow', revoked: 'red', superseded: 'gray' };
const RESULT_COLOR: Record<VerifyResult, string> = { valid: 'green', invalid: 'red', suspended: 'yellow', revoked: 'red' };

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="cert-status" data-status={status}>
      {t(`cert.status.${status}`)}
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
