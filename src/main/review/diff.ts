import type { Db } from '../db/connection';
import type { Settings } from '../../shared/schemas/settings';
import { describeChanges, type DescribedChange } from '../../shared/domain/fact-changes';
import type { FactChange } from '../../shared/domain/staleness';
import { getAttachments } from '../db/filings';

/**
 * The changes since a unit signed, in words: papers named from the material table, files by the names they were
 * uploaded under (attachments are never deleted, so every hash a decision saw still has its name).
 */
export async function describedDiff(db: Db, filingId: number, changes: FactChange[], settings: Settings): Promise<DescribedChange[]> {
  const fileNames: Record<string, string> = {};
  for (const a of await getAttachments(db, filingId)) fileNames[a.sha256] ??= a.name;
  return describeChanges(changes, settings.materialTypes, fileNames);
}
