import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../api/client';
import { fetchableFileUrl } from '../../api/files';

/**
 * Shows a generated PDF (certificate or notice) as page images drawn by pdf.js, which works the same in browser
 * mode and in Electron (whose windows have no PDF plug-in), and under the app's CSP (worker from 'self', no eval).
 * The file itself opens in a new tab (browser mode) or the download machinery (Electron).
 */
async function pdfjs() {
  const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  lib.GlobalWorkerOptions.workerSrc = worker.default;
  return lib;
}

export function PdfPreview({ kind, id, width = 640, label }: { kind: string; id: string | number; width?: number; label?: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; error: string | null; loading: boolean }>({ pages: 0, error: null, loading: true });
  const url = fileUrl(kind, id);

  useEffect(() => {
    let cancelled = false;
    const target = holder.current;
    const run = async () => {
      setState({ pages: 0, error: null, loading: true });
      // Inside Electron each fetch needs its own ticketed URL; the link below opens through the main process.
      const link = await fetchableFileUrl(kind, id);
      if (!link.ok) throw new Error(link.error.message);
      const response = await fetch(link.value, { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      }
      const data = new Uint8Array(await response.arrayBuffer());
      const lib = await pdfjs();
      const doc = await lib.getDocument({ data, isEvalSupported: false }).promise;
      if (!target || cancelled) return;
      target.replaceChildren();
      for (let n = 1; n <= doc.numPages && !cancelled; n++) {
        const page = await doc.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        canvas.style.width = `${width}px`;
        canvas.style.display = 'block';
        canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,0.25)';
        canvas.style.background = '#fff';
        canvas.dataset.testid = `pdf-page-${n}`;
        canvas.setAttribute('aria-label', t('cert.ui.pageN', { n, total: doc.numPages }));
        target.appendChild(canvas);
        await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
      }
      if (!cancelled) setState({ pages: doc.numPages, error: null, loading: false });
      await doc.destroy();
    };
    run().catch((err: unknown) => {
      if (!cancelled) setState({ pages: 0, error: err instanceof Error ? err.message : String(err), loading: false });
    });
    return () => {
      cancelled = true;
    };
  }, [kind, id, width, t]);

  return (
    <Stack gap="xs" data-testid={`pdf-preview-${kind}`} data-pages={state.pages} data-loading={state.loading}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label ?? t('cert.ui.preview')}
        </Text>
        <Anchor href={url} target="_blank" rel="noopener" size="sm" data-testid={`pdf-open-${kind}`}>
          {t('cert.ui.openPdf')}
        </Anchor>
      </Group>
      {state.error && (
        <Alert color="red" variant="light">
          {state.error}
        </Alert>
      )}
      {/* Focusable so the pages scroll with the keyboard. */}
      <Paper
        bg="gray.1"
        p="md"
        radius="sm"
        style={{ overflow: 'auto', maxHeight: 900 }}
        tabIndex={0}
        role="region"
        aria-label={label ?? t('cert.ui.preview')}
      >
        {state.loading && (
          <Center h={120}>
            <Loader />
          </Center>
        )}
        <div ref={holder} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 16 }} />
      </Paper>
    </Stack>
  );
}
