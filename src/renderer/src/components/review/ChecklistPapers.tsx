import { Badge, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Settings } from '../../../../shared/schemas/settings';
import { fileUrl } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { PdfPreview } from '../../pages/certificates/PdfPreview';

export type PaperAttachment = FilingView['materials'][number]['attachments'][number];
export interface ItemPaper {
  code: string;
  name: string;
  /** 'present', 'missing', … as the materials tab says; null when the paper does not apply to this filing. */
  state: string | null;
  attachments: PaperAttachment[];
}

/** The papers a checklist item answers (its settings' material codes), each with its state on this filing. */
export function useItemPapers(filingId: number, settings: Settings | null, lang: string): (codes: readonly string[]) => ItemPaper[] {
  const { data: view } = useQuery('filing.get', { id: filingId });
  return (codes) =>
    codes.map((code) => {
      const type = settings?.materialTypes.find((m) => m.code === code);
      const material = view?.materials.find((m) => m.code === code);
      return {
        code,
        name: type ? (lang === 'en' ? type.nameEn : type.nameZh) : code,
        state: material?.applicable ? material.state : null,
        attachments: material?.attachments ?? [],
      };
    });
}

/** Under the item's text: its papers by name and state, a missing one marked, each file a button opening it in place. */
export function ItemPaperList(props: {
  item: string;
  papers: ItemPaper[];
  openId: number | null;
  onOpen(a: PaperAttachment | null): void;
}) {
  const { item, papers, openId, onOpen } = props;
  const { t } = useTranslation();
  if (!papers.length) return null;
  return (
    <Group gap={6} mt={2} data-testid={`check-papers-${item}`}>
      {papers.map((p) => (
        // The name wraps; the state and the open button keep their width (Mantine would otherwise cap each child).
        <Group
          key={p.code}
          gap={4}
          wrap="nowrap"
          preventGrowOverflow={false}
          data-material={p.code}
          data-state={p.state ?? 'notApplicable'}
        >
          <Text size="xs">{p.name}</Text>
          {p.state && (
            <Badge size="sm" variant="light" color={p.state === 'missing' ? 'red' : 'desk'} style={{ flexShrink: 0 }}>
              {t(`fm.state.${p.state}`, { defaultValue: p.state })}
            </Badge>
          )}
          {p.attachments.map((a) => (
            <Button
              key={a.id}
              size="compact-xs"
              style={{ flexShrink: 0 }}
              variant={openId === a.id ? 'filled' : 'light'}
              aria-pressed={openId === a.id}
              aria-label={t('rv.desk.openPaper', { name: `${p.name} · ${a.name}` })}
              onClick={() => onOpen(openId === a.id ? null : a)}
              data-testid={`check-paper-${item}-${a.id}`}
            >
              {t('rv.desk.open')}
            </Button>
          ))}
        </Group>
      ))}
    </Group>
  );
}

/** The opened paper, in the row right under its item; Esc or × closes it and gives the focus back to its button. */
export function ItemPaperPreview({ item, paper, onClose }: { item: string; paper: PaperAttachment; onClose(): void }) {
  const { t } = useTranslation();
  const close = () => {
    onClose();
    // The button stays mounted; it gets the focus back once the preview is gone.
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="check-paper-${item}-${paper.id}"]`)?.focus(), 0);
  };
  return (
    <Paper
      withBorder
      p="xs"
      data-testid={`check-preview-${item}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <Group justify="flex-end">
        <CloseButton
          size="sm"
          aria-label={t('rv.desk.closePaper', { name: paper.name })}
          onClick={close}
          data-testid="check-preview-close"
        />
      </Group>
      {paper.mime === 'application/pdf' ? (
        <PdfPreview kind="attachment" id={paper.id} width={520} label={paper.name} />
      ) : (
        <img src={fileUrl('attachment', paper.id)} alt={paper.name} style={{ maxWidth: '100%' }} />
      )}
    </Paper>
  );
}
