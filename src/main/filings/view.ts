import type { Db, Trx } from '../db/connection';
import type { FilingView } from '../../shared/contract/filings';
import type { Settings } from '../../shared/schemas/settings';
import { DeskError } from '../../shared/result';
import { getAttachments, getFiling, getMaterials, getTrackedItems, type FilingRecord } from '../db/filings';
import { loadSettings } from '../db/settings';
import { materialApplies, type MaterialStatus } from '../../shared/domain/acceptance';
import { filingClock } from '../review/clock';

export async function requireFiling(db: Db | Trx, id: number): Promise<FilingRecord> {
  const f = await getFiling(db, id);
  if (!f) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  return f;
}

export async function materialStatuses(db: Db | Trx, id: number): Promise<MaterialStatus[]> {
  return (await getMaterials(db, id)).map((m) => ({ code: m.code, state: m.state as MaterialStatus['state'] }));
}

/** The whole filing as every screen sees it: fields, materials with applicability, items, the running clock. */
export async function buildView(db: Db | Trx, id: number, today: string, settings?: Settings): Promise<FilingView> {
  const f = await requireFiling(db, id);
  const s = settings ?? (await loadSettings(db));
  const [materials, attachments, trackedItems] = await Promise.all([getMaterials(db, id), getAttachments(db, id), getTrackedItems(db, id)]);
  const byCode = new Map(materials.map((m) => [m.code, m]));
  const anythingMissing = s.materialTypes.some(
    (t) => t.applies !== 'anythingMissing' && materialApplies(t, f.fields, false) && byCode.get(t.code)?.state !== 'present',
  );
  return {
    id: f.id,
    filingNo: f.filingNo,
    state: f.state,
    version: f.version,
    fields: f.fields,
    materials: s.materialTypes.map((t) => ({
      code: t.code,
      state: byCode.get(t.code)?.state === 'present' ? ('present' as const) : ('missing' as const),
      applicable: materialApplies(t, f.fields, anythingMissing),
      kind: t.kind,
      note: byCode.get(t.code)?.note ?? '',
      attachments: attachments
        .filter((a) => a.material_code === t.code)
        .map((a) => ({
          id: a.id,
          materialCode: a.material_code,
          name: a.name,
          mime: a.mime,
          size: a.size,
          sha256: a.sha256,
          uploadedAt: a.uploaded_at,
        })),
    })),
    acceptance: f.acceptance as FilingView['acceptance'],
    trackedItems,
    isDemo: f.isDemo,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    submittedAt: f.submittedAt,
    clock: f.step ? { step: f.step, ...clockFields(f, today, s) } : null,
  };
}

/** The header's clock: the one clock of domain §7, as the list, its filter and the trajectory read it. */
function clockFields(f: FilingRecord, today: string, s: Settings) {
  const c = filingClock(f, s, today);
  return { dueDate: c?.dueDate ?? null, daysLeft: c?.daysLeft ?? null, paused: f.pausedSince !== null && f.pausedSince <= today };
}
