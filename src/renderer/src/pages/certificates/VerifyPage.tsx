import { Alert, Button, Code, FileInput, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import { useDeskForm } from '../../forms/desk-form';
import { VerifyOutcome } from './VerifyOutcome';

type Mode = 'code' | 'text' | 'pdf';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// A type, not an interface: the form's values are a plain record.
type Values = { mode: Mode; code: string; number: string; text: string; pdf: File | null };
/** What one mode sends; a chosen PDF stands in by its name until it is read for sending. */
const request = (v: Values): Input<'certificate.verify'> =>
  v.mode === 'code' ? { code: v.code, number: v.number } : v.mode === 'text' ? { text: v.text } : { pdfBase64: v.pdf?.name ?? '' };

/** 证书核验: type the certificate number and verification code, paste the decoded 2-D code, or open a certificate PDF. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<Output<'certificate.verify'> | null>(null);
  const { form, ref, busy, refusal, submit, clear } = useDeskForm({
    channel: 'certificate.verify',
    initialValues: { mode: 'code', code: '', number: '', text: '', pdf: null } as Values,
    request,
    send: async (v) =>
      call('certificate.verify', v.mode === 'pdf' ? { pdfBase64: toBase64(new Uint8Array(await v.pdf!.arrayBuffer())) } : request(v)),
    fieldOf: (path) => (path === 'pdfBase64' ? 'pdf' : undefined),
  });
  const verify = submit(
    (value) => setResult(value),
    () => (setResult(null), false),
  );
  const { mode, code, number, text, pdf } = form.values;
  const ready = mode === 'code' ? code.trim() !== '' && number.trim() !== '' : mode === 'text' ? text.trim() !== '' : pdf !== null;

  return (
    <Stack gap="md" data-testid="verify-page">
      <Paper p="md" withBorder ref={ref}>
        <Title order={3} mb="sm">
          {t('cert.nav.verify')}
        </Title>
        <SegmentedControl
          value={mode}
          onChange={(v) => (clear(), form.setFieldValue('mode', v as Mode), setResult(null))}
          data={(['code', 'text', 'pdf'] as const).map((m) => ({ value: m, label: t(`cert.verify.mode.${m}`) }))}
          mb="sm"
          data-testid="verify-mode"
        />
        {mode === 'code' && (
          <TextInput
            label={t('cert.verify.number')}
            description={t('cert.verify.numberHint')}
            {...form.getInputProps('number')}
            w={420}
            mb="xs"
            data-testid="verify-number"
          />
        )}
        {mode === 'code' && (
          <TextInput
            label={t('cert.verify.code')}
            description={t('cert.verify.codeHint')}
            {...form.getInputProps('code')}
            w={320}
            className="tabular"
            data-testid="verify-code"
          />
        )}
        {mode === 'text' && (
          <Textarea
            label={t('cert.verify.text')}
            description={t('cert.verify.textHint')}
            {...form.getInputProps('text')}
            autosize
            minRows={3}
            data-testid="verify-text"
          />
        )}
        {mode === 'pdf' && (
          <FileInput
            label={t('cert.verify.pdf')}
            accept="application/pdf"
            {...form.getInputProps('pdf')}
            clearable
            w={420}
            data-testid="verify-pdf"
          />
        )}
        <Group mt="sm">
          <Button onClick={() => verify()} loading={busy} disabled={!ready} data-testid="verify-submit">
            {t('cert.verify.submit')}
          </Button>
        </Group>
        {refusal && (
          <Alert mt="sm" color="red" variant="light">
            {refusal}
          </Alert>
        )}
      </Paper>

      {result && <VerifyOutcome result={result} />}
      <KeysPanel />
    </Stack>
  );
}

/** This desk's public key (to give to other desks) and the keys it trusts; admins import another desk's key. */
function KeysPanel() {
  const { t } = useTranslation();
  const actor = useActor();
  const { data, reload } = useQuery('certificate.keys', {});
  const { form, ref, refusal, submit, reset } = useDeskForm({
    channel: 'certificate.importKey',
    initialValues: { label: '', publicKeyPem: '' },
    request: (v) => v,
  });
  const importKey = submit(() => (reset(), void reload()));
  const { label, publicKeyPem: pem } = form.values;
  return (
    <Paper p="md" withBorder>
      <Title order={5} mb="xs">
        {t('cert.keys.title')}
      </Title>
      <Stack gap="xs">
        {(data ?? []).map((k) => (
          <div key={k.keyId}>
            <Text size="sm" fw={500}>
              {k.own ? t('cert.keys.own') : k.label} · <Code>{k.keyId}</Code>
            </Text>
            {k.own && (
              <Code block data-testid="own-public-key">
                {k.publicKeyPem.trim()}
              </Code>
            )}
          </div>
        ))}
      </Stack>
      {actor?.role === 'admin' && (
        <Stack gap="xs" mt="md" maw={640} ref={ref}>
          <Text size="sm" fw={500}>
            {t('cert.keys.import')}
          </Text>
          <TextInput label={t('cert.keys.label')} {...form.getInputProps('label')} data-testid="key-label" />
          <Textarea
            label={t('cert.keys.pem')}
            {...form.getInputProps('publicKeyPem')}
            data-testid="key-pem"
            autosize
            minRows={4}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          {refusal && (
            <Alert color="red" variant="light">
              {refusal}
            </Alert>
          )}
          <Group>
            <Button onClick={() => importKey()} data-testid="key-import" disabled={!pem.trim() || !label.trim()}>
              {t('cert.keys.importButton')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
