import { Paper, Text } from '@mantine/core';
import { memo, useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../../shared/domain/units';
import { layoutTrajectory, MAP, type BarBox, type MapInput, type MapScale, type MarkBox } from './trajectory-layout';
import { formatStamp, partyKey } from './labels';

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const PARTY_COLOR: Record<Party, string> = {
  applicant: '#7a6fb0',
  desk: '#3163b0',
  yj: '#c2410c',
  hb: '#15803d',
  gh: '#a16207',
  sp: '#1a4b8c',
  yq: '#0e7490',
};
const RED = '#e03131';
// Returns and refusals orange/red, the applicant's moves violet, progress blue, outcomes green.
function kindColor(kind: string): string {
  if (kind === 'overdue' || kind === 'review.rejected' || kind === 'acceptance.notAccepted') return RED;
  if (kind === 'acceptance.correction' || kind === 'review.supplementRequested' || kind === 'review.stale') return '#e8590c';
  if (kind === 'submitted' || kind === 'resubmitted' || kind === 'review.supplied') return '#7048e8';
  if (kind === 'review.approved' || kind.startsWith('certificate.')) return '#2b8a3e';
  if (kind.startsWith('acceptance.') || kind.startsWith('review.round')) return '#1971c2';
  return '#343a40';
}

// Lanes beyond the filing's parties get a steady colour from their code.
const EXTRA = ['#5f3dc4', '#087f5b', '#c92a2a', '#1864ab', '#e67700', '#862e9c', '#2b8a3e'];
const laneColor = (code: string) => EXTRA[[...code].reduce((h, c) => h + c.charCodeAt(0), 0) % EXTRA.length]!;

type Hover = { kind: 'bar'; box: BarBox } | { kind: 'mark'; box: MarkBox } | null;

function Marker({ m }: { m: MarkBox }) {
  const color = kindColor(m.kind);
  if (m.kind.endsWith('decided'))
    return (
      <path d={`M${m.x} ${m.y - 6}L${m.x + 6} ${m.y}L${m.x} ${m.y + 6}L${m.x - 6} ${m.y}Z`} fill="#ffffff" stroke={color} strokeWidth={2} />
    );
  if (m.kind === 'overdue')
    return <path d={`M${m.x} ${m.y - 7}L${m.x + 6} ${m.y + 5}L${m.x - 6} ${m.y + 5}Z`} fill={RED} stroke="#ffffff" strokeWidth={1} />;
  return <circle cx={m.x} cy={m.y} r={4.5} fill={color} stroke="#ffffff" strokeWidth={1.5} />;
}

/** The whole-process trajectory map as SVG: lanes per party, a time axis, holding intervals and events. */
export const TrajectoryMap = memo(function TrajectoryMap({
  trajectory,
  width,
  scale = 'time',
  ref,
  laneLabel,
}: {
  trajectory: MapInput;
  width: number;
  scale?: MapScale;
  ref?: Ref<SVGSVGElement>;
  /** Names lanes that are not the filing's parties (an enterprise problem's departments). */
  laneLabel?: (lane: string) => string;
}) {
  const { t } = useTranslation();
  const partyName = (p: string) => (laneLabel ? laneLabel(p) : t(partyKey(p as Party)));
  const layout = useMemo(() => layoutTrajectory(trajectory, width, scale), [trajectory, width, scale]);
  const [hover, setHover] = useState<Hover>(null);
  // Labels are catalogue keys from the main process; an unknown one still reads as its kind.
  const eventText = (m: MarkBox) =>
    [formatStamp(m.at), partyName(m.party), t(m.label || m.kind, { defaultValue: m.kind }), m.actor].filter(Boolean).join(' · ');
  const barText = (b: BarBox) =>
    [
      `${formatStamp(b.from)} – ${b.to ? formatStamp(b.to) : t('rv.map.now')}`,
      partyName(b.party),
      t(b.label, { defaultValue: '' }),
      b.counted ? '' : t('rv.map.paused'),
      b.overdue ? t('rv.map.overdue') : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <div style={{ position: 'relative' }} onMouseLeave={() => setHover(null)}>
      <svg
        ref={ref}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        fontFamily={FONT}
        fontSize={12}
        role="img"
        aria-label={t('rv.map.title')}
        data-testid="trajectory-svg"
        data-scale={scale}
        style={{ display: 'block' }}
      >
        <defs>
          <pattern id="traj-hatch" patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
            <rect width={6} height={6} fill="#f1f3f5" />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#868e96" strokeWidth={2.5} />
          </pattern>
        </defs>
        <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
        {layout.lanes.map((lane, i) => (
          <g key={lane.party} data-testid={`traj-lane-${lane.party}`} data-holder={lane.holder ? 'true' : 'false'}>
            <rect
              x={0}
              y={lane.y}
              width={layout.width}
              height={MAP.laneHeight}
              fill={lane.holder ? '#fff4d6' : i % 2 ? '#f8f9fa' : '#ffffff'}
            />
            {lane.holder && <rect x={0} y={lane.y} width={4} height={MAP.laneHeight} fill="#f08c00" />}
            <text
              x={10}
              y={lane.y + MAP.laneHeight / 2 + 4}
              fill={lane.holder ? '#7a4b00' : '#343a40'}
              fontWeight={lane.holder ? 700 : 400}
            >
              {partyName(lane.party)}
            </text>
          </g>
        ))}
        <line x1={MAP.labelWidth} y1={MAP.axisHeight} x2={MAP.labelWidth} y2={layout.height - MAP.padBottom} stroke="#ced4da" />
        {layout.ticks.map((tick) => (
          <g key={`${tick.x}-${tick.label}`}>
            <line x1={tick.x} y1={MAP.axisHeight - 4} x2={tick.x} y2={layout.height - MAP.padBottom} stroke="#e9ecef" />
            <text x={tick.x} y={MAP.axisHeight - 8} textAnchor="middle" fill="#868e96" fontSize={11}>
              {tick.label}
            </text>
          </g>
        ))}
        {layout.bars.map((b, i) => (
          <rect
            key={`bar-${i}`}
            x={b.x}
            y={b.y}
            width={b.w}
            height={MAP.barHeight}
            rx={2}
            fill={b.overdue ? RED : b.counted ? (PARTY_COLOR[b.party as Party] ?? laneColor(b.party)) : 'url(#traj-hatch)'}
            fillOpacity={b.counted || b.overdue ? 0.85 : 1}
            stroke={b.overdue ? '#a51111' : b.counted ? 'none' : '#868e96'}
            data-party={b.party}
            data-counted={b.counted}
            data-overdue={b.overdue}
            onMouseEnter={() => setHover({ kind: 'bar', box: b })}
          >
            <title>{barText(b)}</title>
          </rect>
        ))}
        <line
          x1={layout.nowX}
          y1={MAP.axisHeight}
          x2={layout.nowX}
          y2={layout.height - MAP.padBottom}
          stroke="#f08c00"
          strokeDasharray="3 3"
        />
        <text x={layout.nowX} y={layout.height - 1} textAnchor="middle" fill="#f08c00" fontSize={10}>
          {t('rv.map.now')}
        </text>
        {layout.marks.map((m, i) => (
          <g
            key={`mark-${i}`}
            data-kind={m.kind}
            data-party={m.party}
            className="traj-event"
            onMouseEnter={() => setHover({ kind: 'mark', box: m })}
          >
            <title>{eventText(m)}</title>
            <Marker m={m} />
          </g>
        ))}
      </svg>
      {hover && (
        <Paper
          shadow="sm"
          withBorder
          p={6}
          data-testid="traj-tooltip"
          style={{
            position: 'absolute',
            left: Math.min(hover.box.x + 8, layout.width - 280),
            top: (hover.kind === 'bar' ? hover.box.y : hover.box.y) + 16,
            maxWidth: 280,
            pointerEvents: 'none',
            zIndex: 2,
          }}
        >
          <Text size="xs">{hover.kind === 'bar' ? barText(hover.box) : eventText(hover.box)}</Text>
        </Paper>
      )}
    </div>
  );
});
