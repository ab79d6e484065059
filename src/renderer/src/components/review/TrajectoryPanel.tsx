import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trajectory } from '../../../../shared/contract/review';
import { PARTIES, type Party } from '../../../../shared/domain/units';
import { FILING_STATES } from '../../../../shared/domain/states';
import { TrajectoryMap } from './TrajectoryMap';
import type { MapScale } from './trajectory-layout';
import { downloadBlob, svgToPngBlob } from './svg-image';
import { LEVEL_COLOR, partyKey } from './labels';

const isParty = (v: string): v is Party => (PARTIES as readonly string[]).includes(v);
const isState = (v: string) => (FILING_STATES as readonly string[]).includes(v);

/**
 * The one sentence on top, named by the main process as a key with parameters. Codes among the parameters
 * (a party, a list of parties, a filing state) are read out as names in the user's language.
 */
export function useSummarySentence(tr: Trajectory | null): string {
  const { t } = useTranslation();
  if (!tr) return '';
  const separator = t('rv.listSep');
  const readable = (key: string, v: string | number): string | number => {
    if (typeof v !== 'string') return v;
    if (key === 'state' && isState(v)) return t(`state.${v}`);
    const parts = v.split(/\s*,\s*/);
    if (parts.length > 0 && parts.every(isParty)) return parts.map((p) => t(partyKey(p as Party))).join(separator);
    return v;
  };
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(tr.summary.params)) params[k] = readable(k, v);
  const step = t(`traj.step.${tr.summary.step}`, { defaultValue: tr.summary.step });
  const holder = tr.summary.holder ? t(partyKey(tr.summary.holder)) : t('rv.map.nobody');
  const full = { step, holder, days: tr.summary.sinceDays, ...params };
  const text = t(tr.summary.reasonKey, full);
  return text && text !== tr.summary.reasonKey ? text : t('rv.map.fallbackSentence', full);
}

export function TrajectoryPanel({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const { ref: boxRef, width } = useElementSize();
  const svgRef = useRef<SVGSVGElement>(null);
  const [saving, setSaving] = useState(false);
  const [scale, setScale] = useState<MapScale>('time');
  const [saveError, setSaveError] = useState<string | null>(null);
  const sentence = useSummarySentence(trajectory);
  const c = trajectory.clock;

  const save = async () => {
    if (!svgRef.current) return;
    setSaving(true);
    setSaveError(null);
    try {
      downloadBlob(
        await svgToPngBlob(svgRef.current, `${trajectory.filingNo}  ${sentence}`),
        `${trajectory.filingNo || `filing-${trajectory.filingId}`}-trajectory.png`,
      );
    } catch (e) {
      setSaveError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="trajectory-panel">
      <Paper withBorder p="sm" bg={c.level === 'red' ? 'red.0' : c.level === 'yellow' ? 'yellow.0' : 'blue.0'}>
        <Text fw={600} data-testid="traj-summary" data-holder={trajectory.summary.holder ?? ''} data-step={trajectory.summary.step}>
          {sentence}
        </Text>
        <Group gap="md" mt={4}>
          <Text size="sm" data-testid="traj-clock">
            {t('rv.map.clock', { counted: c.countedDays, paused: c.pausedDays })}
          </Text>
          {c.dueDate && <Text size="sm">{t('rv.clock.due', { date: c.dueDate.slice(0, 10) })}</Text>}
          {c.level !== 'ok' && <Badge color={LEVEL_COLOR[c.level]}>{t(`rv.level.${c.level}`)}</Badge>}
        </Group>
      </Paper>
      {/* Focusable so the wide map scrolls with the arrow keys. */}
      <Paper withBorder p="xs" ref={boxRef} style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('fp.tab.trajectory')}>
        {width > 0 && <TrajectoryMap ref={svgRef} trajectory={trajectory} scale={scale} width={Math.max(640, Math.floor(width) - 2)} />}
      </Paper>
      <Group justify="space-between">
        <Group gap="md">
          <SegmentedControl
            size="xs"
            value={scale}
            onChange={(v) => setScale(v as MapScale)}
            data={[
              { value: 'time', label: t('rv.map.scaleTime') },
              { value: 'sequence', label: t('rv.map.scaleSequence') },
            ]}
            data-testid="traj-scale"
          />
          <Legend />
        </Group>
        <Button size="xs" variant="light" onClick={save} loading={saving} data-testid="traj-save">
          {t('rv.map.save')}
        </Button>
      </Group>
      {saveError && (
        <Alert color="red" p="xs">
          {saveError}
        </Alert>
      )}
    </Stack>
  );
}

function Legend() {
  const { t } = useTranslation();
  const swatch = (style: React.CSSProperties) => (
    <span style={{ display: 'inline-block', width: 22, height: 10, borderRadius: 2, verticalAlign: 'middle', marginRight: 4, ...style }} />
  );
  return (
    <Group gap="md">
      <Text size="xs">
        {swatch({ background: '#3163b0' })}
        {t('rv.map.legendCounted')}
      </Text>
      <Text size="xs">
        {swatch({ background: 'repeating-linear-gradient(45deg,#868e96 0 2px,#f1f3f5 2px 5px)', border: '1px solid #868e96' })}
        {t('rv.map.legendPaused')}
      </Text>
      <Text size="xs">
        {swatch({ background: '#e03131' })}
        {t('rv.map.legendOverdue')}
      </Text>
      <Text size="xs">
        {swatch({ background: '#fff4d6', borderLeft: '4px solid #f08c00' })}
        {t('rv.map.legendHolder')}
      </Text>
    </Group>
  );
}
