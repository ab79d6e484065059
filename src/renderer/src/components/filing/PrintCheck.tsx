import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingFields } from '../../../../shared/schemas/filing';
import { call } from '../../api/client';

/**
 * Warns while a name is typed when a character is in no font on the desk's machine: the certificate could not print
 * it and issuing would be refused (issue 15 §4). The desk decides, since only it knows its fonts.
 */
export function PrintCheck({ values }: { values: FilingFields }) {
  const { t } = useTranslation();
  const text = [
    values.applicant.name,
    values.applicant.legalRepresentative,
    values.project.name,
    values.project.bay,
    ...values.project.products.map((p) => p.name),
    ...values.project.chemicals.map((c) => c.name),
  ].join('\n');
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('certificate.glyphCheck', { text }).then((r) => {
        if (live && r.ok) setMissing(r.value.missing.map((m) => `${m.char} ${m.codePoint}`));
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (!missing.length) return null;
  return (
    <Alert color="orange" variant="light" role="status" data-testid="print-check">
      {t('cert.glyphs.warning', { chars: missing.join('，') })}
    </Alert>
  );
}
