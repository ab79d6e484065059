import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Settings } from '../../../../shared/schemas/settings';
import type { UnitCode } from '../../../../shared/domain/units';
import { coversPaper, DEFAULT_FACT_COVERAGE } from '../../../../shared/domain/coverage';
import { fileUrl } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { PdfPreview } from '../../pages/certificates/PdfPreview';

type Attachment = FilingView['materials'][number]['attachments'][number];

const UNITS: Record<string, string> = { 'project.batchKg': 'kg', 'project.throughputTpa': 't/a', 'project.largestReactorM3': 'm³' };
const CHOICE_KEYS: Record<string, (code: string) => string> = {
  'applicant.creditStatus': (c) => `ff.creditStatus.${c}`,
  'project.eiaCategory': (c) => `ff.eia.${c}`,
  'project.processes': (c) => `process.${c}`,
  'project.hazardGrade': () => 'ff.hazardGrade.n',
};

/** A record value as one line of text: lists joined, parks and bases by name, flags as yes / no. */
function factText(value: unknown, path: string, settings: Settings | null, lang: string, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('admin.yes') : t('rv.desk.no');
  // Choices are stored as codes; the screen shows their words.
  const word = CHOICE_KEYS[path];
  if (word) return (Array.isArray(value) ? value : [value]).map((v) => t(word(String(v)), { n: v })).join(lang === 'en' ? ', ' : '、');
  if (path === 'project.parkId' || path === 'project.baseId') {
    const places = path === 'project.parkId' ? settings?.parks : settings?.parks.flatMap((p) => p.bases);
    const found = places?.find((p) => p.id === value);
    if (found) return lang === 'en' ? found.nameEn : found.nameZh;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((v) =>
        typeof v === 'object' && v !== null ? String((v as Record<string, unknown>).name ?? Object.values(v)[0] ?? '') : String(v),
      )
      .join(lang === 'en' ? ', ' : '、');
  }
  return UNITS[path] ? `${String(value)} ${UNITS[path]}` : String(value);
}

const valueAt = (fields: FilingView['fields'], path: string) => {
  const [group, key] = path.split('.') as ['applicant' | 'project', string];
  return (fields[group] as Record<string, unknown>)[key];
};

/**
 * Beside the unit's checklist: the facts the unit covers (the Settings fact → unit table) and the unit's papers, a
 * paper opening here in place, so a decision never needs a switch to the record or materials tab.
 */
export function UnitDesk({
  filingId,
  unit,
  settings,
  lang,
}: {
  filingId: number;
  unit: UnitCode;
  settings: Settings | null;
  lang: string;
}) {
  const { t } = useTranslation();
  const { data: view, error, reload } = useQuery('filing.get', { id: filingId });
  const [open, setOpen] = useState<Attachment | null>(null);
  if (error)
    return (
      <Alert color="red" data-testid="unit-desk-error">
        <Group justify="space-between">
          <Text size="sm">{error.message}</Text>
          <Button size="compact-sm" variant="outline" color="red" onClick={() => void reload()}>
            {t('rv.retry')}
          </Button>
        </Group>
      </Alert>
    );
  if (!view) return null;
  const table = settings?.factCoverage ?? DEFAULT_FACT_COVERAGE;
  const facts = table.filter((row) => row.units.includes(unit)).flatMap((row) => row.fields);
  const papers = (settings?.materialTypes ?? [])
    .filter((m) => coversPaper(m.checkedBy, unit))
    .map((m) => ({ type: m, material: view.materials.find((x) => x.code === m.code) }))
    .filter((p) => p.material?.applicable);
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  return (
    <Paper withBorder p="sm" data-testid="unit-desk" className="unit-desk">
      <Stack gap="xs">
        {/* The open paper first, at the top of the column and so beside the checklist. */}
        {open && (
          <div data-testid="unit-paper-preview">
            {open.mime === 'application/pdf' ? (
              <PdfPreview kind="attachment" id={open.id} width={400} label={open.name} />
            ) : (
              <img src={fileUrl('attachment', open.id)} alt={open.name} style={{ maxWidth: '100%' }} />
            )}
          </div>
        )}
        <Title order={5}>{t('rv.desk.facts', { unit: t(`unit.${unit}`) })}</Title>
        <Table fz="sm" verticalSpacing={2} data-testid="unit-facts">
          <Table.Tbody>
            {facts.map((path) => (
              <Table.Tr key={path} data-field={path}>
                <Table.Th w="40%" fw={500}>
                  {t(`ff.${path}`)}
                </Table.Th>
                <Table.Td>{factText(valueAt(view.fields, path), path, settings, lang, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('rv.desk.papers')}</Title>
        <Stack gap={4} data-testid="unit-papers">
          {papers.map(({ type, material }) => (
            <Group key={type.code} gap="xs" justify="space-between" wrap="nowrap" data-material={type.code}>
              <Text size="sm" style={{ minWidth: 0 }}>
                {type.no}. {name(type)}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Badge size="sm" variant="light" color={material!.state === 'missing' ? 'red' : 'desk'}>
                  {t(`fm.state.${material!.state}`, { defaultValue: material!.state })}
                </Badge>
                {material!.attachments.map((a) => (
                  <Button
                    key={a.id}
                    size="compact-xs"
                    variant={open?.id === a.id ? 'filled' : 'light'}
                    aria-pressed={open?.id === a.id}
                    aria-label={t('rv.desk.openPaper', { name: a.name })}
                    onClick={() => setOpen(open?.id === a.id ? null : a)}
                    data-testid={`unit-paper-${a.id}`}
                  >
                    {t('rv.desk.open')}
                  </Button>
                ))}
              </Group>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
