/**
 * A writer process for the crash tests: signs in as one unit's reviewer and approves that unit's section on every
 * waiting filing, printing `DECIDED <decisionId>` only after the desk has acknowledged (committed) the decision.
 * The parent kills it with SIGKILL at random moments and starts it again.
 */
import { createDesk } from '../../../src/main/desk';
import { defaultSettings } from '../../../src/main/db/settings';
import type { UnitCode } from '../../../src/shared/domain/units';

async function main() {
  const [dataDir, username, password, unit] = process.argv.slice(2) as [string, string, string, UnitCode];
  const desk = createDesk(dataDir, { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const call = { connectionId: `writer-${process.pid}`, lang: 'en' as const };
  const login = await desk.dispatch('auth.login', { username, password }, call);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const checklist = defaultSettings().checklists[unit].map((c) => ({ code: c.code, result: 'pass' as const, note: '' }));
  process.stdout.write('READY\n');
  for (;;) {
    const inbox = await desk.dispatch('review.inbox', {}, call);
    if (!inbox.ok) throw new Error(JSON.stringify(inbox.error));
    const row = (inbox.value as { filingId: number; sections: string[] }[]).find((r) => r.sections.includes(unit));
    if (!row) break;
    const view = await desk.dispatch('review.get', { filingId: row.filingId }, call);
    if (!view.ok) throw new Error(JSON.stringify(view.error));
    const v = view.value as { filingVersion: number; currentRound: number };
    const r = await desk.dispatch(
      'review.decide',
      {
        filingId: row.filingId,
        section: unit,
        round: v.currentRound,
        filingVersion: v.filingVersion,
        decision: 'approve',
        opinion: '',
        notInvolvedReason: '',
        checklist,
        conditions: [],
        idempotencyKey: `crash-${unit}-${row.filingId}-${v.currentRound}`,
      },
      call,
    );
    if (!r.ok) {
      // Another writer bumped the filing's version between our read and our write: read again and retry.
      if (r.error.code === 'STALE') continue;
      throw new Error(JSON.stringify(r.error));
    }
    const section = (r.value as { sections: { section: string; current: { id: number } | null }[] }).sections.find(
      (s) => s.section === unit,
    )!;
    process.stdout.write(`DECIDED ${section.current!.id}\n`);
  }
  process.stdout.write('DONE\n');
  desk.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
