import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionInput, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { reviewDesk } from '../helpers/review-desk';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { DEFAULT_FACT_COVERAGE } from '../../src/shared/domain/coverage';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import type { FilingFields } from '../../src/shared/schemas/filing';
import type { ReviewView } from '../../src/shared/contract/review';

/**
 * Domain §6 "Which facts a unit covers", one test per row of the default table: all five units sign round 1 (planning
 * asks for revision), the clerk changes one fact while the applicant supplies, and exactly the units covering that fact
 * go stale; the next round holds those units plus planning, which asked for revision.
 */
let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()));
afterEach(() => t.close());

type Edit = (f: FilingFields) => void;
const EDITS: Record<string, Edit> = {
  identity: (f) => void (f.applicant.legalRepresentative = '王五'),
  contact: (f) => void (f.applicant.contactMobile = '13912345678'),
  'project-name': (f) => void (f.project.name = `${f.project.name}二期`),
  location: (f) => void (f.project.bay = 'B9中试车间2号位'),
  process: (f) => void (f.project.routeSummary = `${f.project.routeSummary}（修订）`),
  chemicals: (f) => void (f.project.chemicals[0]!.maxStoredT = (f.project.chemicals[0]!.maxStoredT ?? 0) + 1),
  scale: (f) => void (f.project.batchKg = (f.project.batchKg ?? 0) + 1),
  throughput: (f) => void (f.project.throughputTpa = (f.project.throughputTpa ?? 0) + 1),
  environment: (f) => void (f.project.wasteStreams = `${f.project.wasteStreams} 废水去向：园区污水处理厂`),
  'run-period': (f) =>
    void (f.project.plannedEnd = f.project.plannedEnd.replace(/-(\d\d)$/, (_, d: string) => `-${d === '01' ? '02' : '01'}`)),
};

async function roundOneSigned(): Promise<ReviewView> {
  const filing = await t.acceptedFiling();
  let view = await clerk.session.ok('review.get', { filingId: filing.id });
  for (const u of UNIT_CODES)
    view = await rv[u].session.ok(
      'review.decide',
      u === 'gh' ? decisionInput(view, u, 'revise', { failed: ['land-use'], opinion: '补充用地预审' }) : decisionInput(view, u, 'approve'),
    );
  expect(view.state).toBe('supplement_requested');
  return view;
}

const staleUnits = (v: ReviewView) => v.sections.filter((s) => s.current?.stale).map((s) => s.section);

async function supplied(filingId: number): Promise<ReviewView> {
  const v = await clerk.session.ok('review.get', { filingId });
  return clerk.session.ok('review.recordSupplement', { filingId, version: v.filingVersion, note: '已补交', idempotencyKey: newKey('sup') });
}

describe('which facts a unit covers (domain §6)', () => {
  it('the table rows cover every default row exactly once in these tests', () => {
    expect(Object.keys(EDITS).sort()).toEqual(DEFAULT_FACT_COVERAGE.map((r) => r.key).sort());
  });

  for (const row of DEFAULT_FACT_COVERAGE)
    it(`${row.key}: a change makes exactly ${row.units.join(', ')} stale`, async () => {
      const signed = await roundOneSigned();
      const filing = await clerk.session.ok('filing.get', { id: signed.filingId });
      const fields = structuredClone(filing.fields);
      EDITS[row.key]!(fields);
      await clerk.session.ok('filing.update', { id: filing.id, version: filing.version, fields });
      const after = await clerk.session.ok('review.get', { filingId: filing.id });
      expect(staleUnits(after)).toEqual(UNIT_CODES.filter((u) => row.units.includes(u)));
      const next = await supplied(filing.id);
      expect(next.rounds[1]!.units).toEqual(UNIT_CODES.filter((u) => row.units.includes(u) || u === 'gh'));
    });

  it('a fact the table does not list concerns sp only', async () => {
    const signed = await roundOneSigned();
    const filing = await clerk.session.ok('filing.get', { id: signed.filingId });
    const fields = structuredClone(filing.fields);
    fields.applicant.creditCheckedOn = '2026-02-27';
    await clerk.session.ok('filing.update', { id: filing.id, version: filing.version, fields });
    expect(staleUnits(await clerk.session.ok('review.get', { filingId: filing.id }))).toEqual(['sp']);
  });

  it('a paper concerns the units in its "checked by" column and sp', async () => {
    const signed = await roundOneSigned();
    const filing = await clerk.session.ok('filing.get', { id: signed.filingId });
    await clerk.session.ok('material.attach', {
      filingId: filing.id,
      version: filing.version,
      code: 'waste-plan',
      file: { name: '三废处置方案（修订）.pdf', contentBase64: demoPdfBase64('waste plan revised') },
    });
    expect(staleUnits(await clerk.session.ok('review.get', { filingId: filing.id }))).toEqual(['hb', 'sp']);
    expect((await supplied(filing.id)).rounds[1]!.units).toEqual(['hb', 'gh', 'sp']);
  });

  it('editing the table later makes nothing stale by itself; decisions are checked against the table they were signed under', async () => {
    const signed = await roundOneSigned();
    const admin = await t.setupAdmin();
    const settings = await admin.session.ok('settings.get', {});
    const table = settings.factCoverage.map((r) => (r.key === 'environment' ? { ...r, units: ['hb', 'gh', 'yq'] as UnitCode[] } : r));
    await admin.session.ok('settings.update', { ...settings, factCoverage: table });
    const filing = await clerk.session.ok('filing.get', { id: signed.filingId });
    const fields = structuredClone(filing.fields);
    fields.applicant.contactName = '赵六';
    await clerk.session.ok('filing.update', { id: filing.id, version: filing.version, fields: { ...fields } });
    // Only the contact row changed (sp); the edited environment row made nobody stale.
    expect(staleUnits(await clerk.session.ok('review.get', { filingId: filing.id }))).toEqual(['sp']);
    const again = await clerk.session.ok('filing.get', { id: filing.id });
    EDITS.environment!(fields);
    await clerk.session.ok('filing.update', { id: filing.id, version: again.version, fields });
    // Signed under the default table: environment facts were hb's alone.
    expect(staleUnits(await clerk.session.ok('review.get', { filingId: filing.id }))).toEqual(['hb', 'sp']);
  });
});
