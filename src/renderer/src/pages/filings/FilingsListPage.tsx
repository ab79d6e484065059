import {
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FilingRow } from '../../../../shared/contract/filings';
import { FILING_STATES } from '../../../../shared/domain/states';
import { UNIT_CODES } from '../../../../shared/domain/units';
import { call, subscribe } from '../../api/client';
import { navigate } from '../../router';
import { useActor } from '../../session';
import { StateBadge, ConditionalBadge } from '../../components/filing/StateBadge';
import { DueDate } from '../../components/filing/DueDate';
import { stampText } from '../../components/filing/format';
import { useLocalName, useSettings } from '../../components/filing/use-settings';
import { LoadError } from '../../components/LoadError';
import { PAGE_SIZE, listInput, rememberList, rememberedList, totalText, type ListState } from './list-state';

type Column = ListState['sort'];
const COLUMNS: Column[] = [
  'filingNo',
  'applicantName',
  'creditCode',
  'projectName',
  'state',
  'parkId',
  'submittedAt',
  'updatedAt',
  'dueDate',
];

function SortHeader({ col, s, onSort }: { col: Column; s: ListState; onSort(c: Column): void }) {
  const { t } = useTranslation();
  const active = s.sort === col;
  return (
    <Table.Th aria-sort={active ? (s.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(col)} data-testid={`sort-${col}`} fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t(`fl.col.${col}`)}{' '}
        <Text span size="xs" c={active ? undefined : 'dimmed'}>
          {active ? (s.dir === 'asc' ? '▲' : '▼') : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** 案件列表: search, filters, server paging and sorting, live updates. */
export function FilingsListPage() {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const settings = useSettings();
  const name = useLocalName();
  const [s, setS] = useState<ListState>(rememberedList);
  const [debounced] = useDebouncedValue(s.query, 250);
  const [data, setData] = useState<{ total: number; rows: FilingRow[] } | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const seq = useRef(0);

  const update = (patch: Partial<ListState>) => setS((x) => ({ ...x, page: 1, ...patch }));
  useEffect(() => rememberList(s), [s]);

  const input = JSON.stringify(listInput(s, debounced));
  const load = useCallback(async () => {
    const mine = ++seq.current;
    const r = await call('filing.list', JSON.parse(input) as ReturnType<typeof listInput>);
    if (mine !== seq.current) return; // a newer request is on its way; its answer wins
    setLoadedFor(input);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [input]);

  useEffect(() => {
    // Fetching when the query changes is the point; state is only set once the answer arrives.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);
  useEffect(() => subscribe('filing.changed', () => void load()), [load]);

  // `/` jumps to the search box from anywhere on the page, as in most list tools.
  useEffect(() => {
    const on = (e: globalThis.KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  const onSort = (col: Column) => setS((x) => ({ ...x, page: 1, sort: col, dir: x.sort === col && x.dir === 'asc' ? 'desc' : 'asc' }));
  const open = (row: FilingRow) => navigate(`/filings/${row.id}`);
  const rowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, row: FilingRow) => {
    if (e.key === 'Enter') open(row);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows.current[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      rows.current[0]?.focus();
    }
  };

  const loading = loadedFor !== input || debounced !== s.query;
  const warningDays = settings?.timeLimits.warningDays ?? 3;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const parkName = (id: string) =>
    name(
      settings?.parks.find((p) => p.id === id),
      id || '—',
    );

  return (
    <Stack gap="sm" data-testid="filings-list">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('fl.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="filings-total">
            {t('fl.total', { n: totalText(total, i18n.language) })}
          </Text>
          {loading && <Loader size={14} />}
        </Group>
        {actor?.role === 'clerk' && (
          <Button onClick={() => navigate('/filings/new')} data-testid="list-new-filing">
            {t('fl.new')}
          </Button>
        )}
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          ref={search}
          w={300}
          label={t('fl.search')}
          placeholder={t('fl.searchPlaceholder')}
          value={s.query}
          onChange={(e) => update({ query: e.currentTarget.value })}
          onKeyDown={onSearchKey}
          rightSection={
            <Text size="xs" c="dimmed">
              /
            </Text>
          }
          data-testid="filings-search"
        />
        <MultiSelect
          w={280}
          label={t('fl.filter.state')}
          placeholder={s.states.length ? undefined : t('fl.filter.all')}
          data={FILING_STATES.map((v) => ({ value: v, label: t(`state.${v}`) }))}
          value={s.states}
          onChange={(v) => update({ states: v as ListState['states'] })}
          clearable
          data-testid="filter-state"
        />
        <Select
          w={200}
          label={t('fl.filter.park')}
          placeholder={t('fl.filter.all')}
          data={(settings?.parks ?? []).map((p) => ({ value: p.id, label: name(p) }))}
          value={s.parkId}
          onChange={(v) => update({ parkId: v })}
          clearable
          data-testid="filter-park"
        />
        <Select
          w={150}
          label={t('fl.filter.unit')}
          placeholder={t('fl.filter.all')}
          data={UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
          value={s.unit}
          onChange={(v) => update({ unit: v as ListState['unit'] })}
          clearable
          data-testid="filter-unit"
        />
        <Checkbox
          mb={8}
          label={t('fl.filter.overdue')}
          checked={s.overdueOnly}
          onChange={(e) => update({ overdueOnly: e.currentTarget.checked })}
          data-testid="filter-overdue"
        />
      </Group>

      {error && <LoadError message={error} onRetry={() => void load()} />}

      <Table.ScrollContainer minWidth={1100}>
        <Table highlightOnHover withTableBorder verticalSpacing={4} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c} col={c} s={s} onSort={onSort} />
              ))}
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('fl.col.itemDueDates')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(error ? [] : (data?.rows ?? [])).map((r, i) => (
              <Table.Tr
                key={r.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={0}
                onClick={() => open(r)}
                onKeyDown={(e) => rowKey(e, i, r)}
                style={{ cursor: 'pointer' }}
                data-testid="filing-row"
                data-filing-id={r.id}
              >
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {r.filingNo}
                </Table.Td>
                <Table.Td>{r.applicantName || '—'}</Table.Td>
                <Table.Td className="tabular" ff="monospace" fz="xs">
                  {r.creditCode || '—'}
                </Table.Td>
                <Table.Td>{r.projectName || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    <StateBadge state={r.state} />
                    {r.conditional && <ConditionalBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>{parkName(r.parkId)}</Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {stampText(r.submittedAt)}
                </Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {stampText(r.updatedAt)}
                </Table.Td>
                <Table.Td>
                  <DueDate date={r.dueDate} warningDays={warningDays} testId="row-due" />
                </Table.Td>
                <Table.Td data-testid="row-item-dues">
                  <Group gap={6} wrap="wrap">
                    {r.itemDueDates.map((d, j) => (
                      <DueDate key={j} date={d} warningDays={warningDays} testId="row-item-due" />
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && !error && data.rows.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md" data-testid="filings-empty">
          {t('fl.empty')}
        </Text>
      )}
      {pages > 1 && <Pagination size="sm" total={pages} value={s.page} onChange={(p) => setS((x) => ({ ...x, page: p }))} />}
    </Stack>
  );
}
