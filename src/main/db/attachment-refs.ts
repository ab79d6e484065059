import type { Db } from './connection';

/** Every content address a row refers to (filings' materials, tracked items' papers, closure reports, problems). */
export async function referencedAttachments(db: Db): Promise<Set<string>> {
  const [filing, problem] = await Promise.all([
    db.selectFrom('attachments').select('sha256').distinct().execute(),
    db.selectFrom('problem_attachments').select('sha256').distinct().execute(),
  ]);
  return new Set([...filing, ...problem].map((r) => r.sha256));
}
