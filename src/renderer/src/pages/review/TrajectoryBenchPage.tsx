import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Trajectory } from '../../../../shared/contract/review';
import { PARTIES } from '../../../../shared/domain/units';
import { TrajectoryMap } from '../../components/review/TrajectoryMap';

const DAY = 86_400_000;
const KINDS = ['submitted', 'accepted', 'decided', 'returned', 'supplied', 'issued', 'overdue'];

/** A synthetic filing with `events` events and a holding interval between each pair, spread over 200 days. */
export function syntheticTrajectory(events: number, seed: number): Trajectory {
  const start = Date.UTC(2026, 0, 5, 1);
  const span = 200 * DAY;
  const at = (i: number) => new Date(start + (i / events) * span + (seed % 7) * 1000).toISOString();
  return {
    filingId: 1,
    filingNo: 'BENCH-0001',
    summary: { step: 'review', holder: 'yj', sinceDays: 4, reasonKey: 'rv.map.fallbackSentence', params: {} },
    lanes: [...PARTIES],
    intervals: Array.from({ length: Math.ceil(events / 2) }, (_, i) => ({
      party: PARTIES[i % PARTIES.length]!,
      from: at(i * 2),
      to: i * 2 + 2 < events ? at(i * 2 + 2) : null,
      counted: i % 5 !== 3,
      overdue: i % 17 === 16,
      label: `interval ${i}`,
    })),
    events: Array.from({ length: events }, (_, i) => ({
      at: at(i),
      party: PARTIES[(i * 3) % PARTIES.length]!,
      kind: KINDS[i % KINDS.length]!,
      label: `event ${i}`,
      actor: i % 2 ? 'demo' : null,
    })),
    clock: { countedDays: 120, pausedDays: 30, dueDate: '2026-08-01', level: 'ok' },
    from: at(0),
    to: at(events),
  };
}

/**
 * Times drawing the trajectory map with 200 events: from the state change to React's commit plus a forced
 * layout of the SVG. Prints figures; nothing passes or fails on time (bench/ convention).
 */
export function TrajectoryBenchPage() {
  const [run, setRun] = useState(0);
  const [results, setResults] = useState<number[]>([]);
  const started = useRef(0);
  const svg = useRef<SVGSVGElement>(null);
  const trajectory = useMemo(() => syntheticTrajectory(200, run), [run]);
  const total = 21;

  useLayoutEffect(() => {
    if (run === 0) return;
    svg.current?.getBBox();
    const ms = performance.now() - started.current;
    setResults((r) => [...r, ms]);
    if (run < total) {
      const id = requestAnimationFrame(() => {
        started.current = performance.now();
        setRun((n) => n + 1);
      });
      return () => cancelAnimationFrame(id);
    }
  }, [run]);

  const start = () => {
    setResults([]);
    started.current = performance.now();
    setRun(1);
  };
  // The first draw includes warming up the JIT; the median of the rest is the figure.
  const warm = results.slice(1).sort((a, b) => a - b);
  const median = warm.length ? warm[Math.floor(warm.length / 2)]! : null;
  return (
    <Stack p="md" gap="sm">
      <Title order={4}>Trajectory map: 200 events</Title>
      <Group>
        <Button onClick={start} data-testid="bench-start">
          Run {total}×
        </Button>
        <Text
          data-testid="bench-result"
          data-done={results.length >= total ? 'true' : 'false'}
          data-median={median ?? ''}
          data-first={results[0] ?? ''}
        >
          {results.length}/{total}{' '}
          {median !== null
            ? `median ${median.toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms, first ${results[0]!.toFixed(1)} ms`
            : ''}
        </Text>
      </Group>
      <Code>
        {trajectory.events.length} events, {trajectory.intervals.length} intervals
      </Code>
      {run > 0 && <TrajectoryMap key={run} ref={svg} trajectory={trajectory} width={1200} />}
    </Stack>
  );
}
