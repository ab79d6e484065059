import { Alert, Button, Code, FileInput, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import { VerifyOutcome } from './VerifyOutcome';

type Mode = 'code' | 'text' | 'pdf';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** 证书核验: type the certificate number and verification code, paste the decoded 2-D code, or open a certificate PDF. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('code');
  const [code, setCode] = useState('');
  const [number, setNumber] = useState('');
  const [text, setText] = useState('');
  const [pdf, setPdf] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Output<'certificate.verify'> | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    let input: Input<'certificate.verify'>;
    if (mode === 'code') input = { code, number };
    else if (mode === 'text') input = { text };
    else input = { pdfBase64: toBase64(new Uint8Array(await pdf!.arrayBuffer())) };
    const r = await call('certificate.verify', input);
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
  };
  const ready = mode === 'code' ? code.trim() !== '' && number.trim() !== '' : mode === 'text' ? text.trim() !== '' : pdf !== null;

  return (
    <Stack gap="md" data-testid="verify-page">
      <Paper p="md" withBorder>
        <Title order={3} mb="sm">
          {t('cert.nav.verify')}
        </Title>
        <SegmentedControl
          value={mode}
          onChange={(v) => (setMode(v as Mode), setResult(null), setError(null))}
          data={(['code', 'text', 'pdf'] as const).map((m) => ({ value: m, label: t(`cert.verify.mode.${m}`) }))}
          mb="sm"
          data-testid="verify-mode"
        />
        {mode === 'code' && (
          <TextInput
            label={t('cert.verify.number')}
            description={t('cert.verify.numberHint')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            w={420}
            mb="xs"
            data-testid="verify-number"
          />
        )}
        {mode === 'code' && (
          <TextInput
            label={t('cert.verify.code')}
            description={t('cert.verify.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={320}
            className="tabular"
            data-testid="verify-code"
          />
        )}
        {mode === 'text' && (
          <Textarea
            label={t('cert.verify.text')}
            description={t('cert.verify.textHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            data-testid="verify-text"
          />
        )}
        {mode === 'pdf' && (
          <FileInput
            label={t('cert.verify.pdf')}
            accept="application/pdf"
            value={pdf}
            onChange={setPdf}
            clearable
            w={420}
            data-testid="verify-pdf"
          />
        )}
        <Group mt="sm">
          <Button onClick={() => void verify()} loading={busy} disabled={!ready} data-testid="verify-submit">
            {t('cert.verify.submit')}
          </Button>
        </Group>
        {error && (
          <Alert mt="sm" color="red" variant="light">
            {error}
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
  const [pem, setPem] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const importKey = async () => {
    const r = await call('certificate.importKey', { publicKeyPem: pem, label });
    if (!r.ok) return setError(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
    setError(null);
    setPem('');
    setLabel('');
    await reload();
  };
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
        <Stack gap="xs" mt="md" maw={640}>
          <Text size="sm" fw={500}>
            {t('cert.keys.import')}
          </Text>
          <TextInput label={t('cert.keys.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
          <Textarea
            label={t('cert.keys.pem')}
            value={pem}
            onChange={(e) => setPem(e.currentTarget.value)}
            autosize
            minRows={4}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          {error && (
            <Alert color="red" variant="light">
              {error}
            </Alert>
          )}
          <Group>
            <Button onClick={() => void importKey()} disabled={!pem.trim() || !label.trim()}>
              {t('cert.keys.importButton')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
