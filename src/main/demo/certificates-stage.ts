/**
 * Demo stage: every demo filing whose target lies past registration ('registered*', 'suspended', 'revoked',
 * 'closed') gets its certificate, issued by the clerk through the real handler a day after approval. What happens
 * after registration (suspension, revocation, closure) belongs to the follow-up area's own stage.
 */
import type { DemoRunner } from './plan';

const ISSUED_TARGETS = /^(registered|suspended|revoked|closed)/;

export async function certificatesStage(
  runner: DemoRunner,
  filing: { id: number; index: number; target: string; at: Date },
): Promise<Date> {
  if (!ISSUED_TARGETS.test(filing.target)) return filing.at;
  const clerk = runner.as('clerk');
  const at = new Date(filing.at.getTime() + 24 * 3600_000);
  const state = await runner.call(clerk, 'certificate.forFiling', { filingId: filing.id }, at);
  if (!state.canIssue) return filing.at;
  await runner.call(
    clerk,
    'certificate.issue',
    { filingId: filing.id, version: state.filingVersion, idempotencyKey: `demo-certificate-${filing.index}` },
    at,
  );
  return at;
}
