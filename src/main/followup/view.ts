import type { Db, Trx } from '../db/connection';
import type { FollowupItem } from '../../shared/contract/followup';
import type { Settings } from '../../shared/schemas/settings';
import type { FilingState } from '../../shared/domain/states';
import type { UnitCode } from '../../shared/domain/units';
import { alertOf } from './alert';
import { getItem, itemAttachmentCode, itemAttachments, type ItemRow } from '../db/followup';
import { DeskError } from '../../shared/result';

type ItemState = FollowupItem['state'];

/** Rows as the lists show them: where each item stands today (reminder, due soon, overdue) and its papers. */
export async function toFollowupItems(db: Db | Trx, rows: ItemRow[], today: string, settings: Settings): Promise<FollowupItem[]> {
  const papers = await itemAttachments(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const { alert, daysLeft } = alertOf({
      dueDate: r.due_date,
      today,
      state: r.state as ItemState,
      reminderDays: settings.timeLimits.reminderDays,
    });
    return {
      id: r.id,
      filingId: r.filing_id,
      kind: r.kind as FollowupItem['kind'],
      materialCode: r.material_code,
      text: r.text,
      verifyingUnit: r.verifying_unit as UnitCode,
      dueDate: r.due_date,
      blocks: r.blocks as FollowupItem['blocks'],
      state: r.state as ItemState,
      note: r.note,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      filingNo: r.filing_no,
      projectName: r.project_name,
      applicantName: r.applicant_name,
      filingState: r.filing_state as FilingState,
      suppliedAt: r.supplied_at,
      closedBy: r.closed_by_name,
      alert,
      daysLeft,
      attachments: papers
        .filter((a) => a.material_code === itemAttachmentCode(r.id))
        .map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, uploadedAt: a.uploaded_at })),
    };
  });
}

export async function requireItem(db: Db | Trx, id: number): Promise<ItemRow> {
  const item = await getItem(db, id);
  if (!item) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  return item;
}

export async function itemView(db: Db | Trx, id: number, today: string, settings: Settings): Promise<FollowupItem> {
  return (await toFollowupItems(db, [await requireItem(db, id)], today, settings))[0]!;
}
