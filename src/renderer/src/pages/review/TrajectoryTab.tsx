/** Placeholder until its area lands; the filing page shows this tab only when the area exports real content. */
export function TrajectoryTab(_props: { filingId: number; version: number; onChanged(): void }) {
  return null;
}
export const available = false;
