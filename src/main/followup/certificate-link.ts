/**
 * The one place where the closed loop touches certificates (issue 6): a breach suspends or revokes the certificate
 * in force, clearing the breach reinstates it, and an extension re-issues it. The certificates area moves the
 * filing's state together with the certificate's, in the caller's transaction, with its own event and audit entry.
 */
import type { Trx } from '../db/connection';
import type { Ctx } from '../services';
import { liveCertificate } from '../db/certificates';
import { reissueCertificate, setCertificateStatus } from '../certificates/issue';
import { DeskError } from '../../shared/result';
import { REGISTRATION_ACTION, requireTransition } from '../../shared/domain/transitions';
import { bumpVersion } from '../db/filings';
import { requireFiling } from '../filings/view';

export type RegistrationStatus = 'issued' | 'suspended' | 'revoked';

/**
 * Moves the registration and its certificate together. A registered filing without a certificate in force (data
 * loaded from elsewhere) still moves, so a breach is never left unanswered.
 */
export async function setRegistrationStatus(
  trx: Trx,
  ctx: Ctx,
  filingId: number,
  status: RegistrationStatus,
  reason: string,
): Promise<void> {
  if (await liveCertificate(trx, filingId)) {
    await setCertificateStatus(trx, ctx, filingId, status, reason);
    return;
  }
  const filing = await requireFiling(trx, filingId);
  const to = requireTransition(ctx.actor, filing.state, REGISTRATION_ACTION[status], 'cert.problem.state');
  if (
    !(await bumpVersion(trx, filingId, filing.version, ctx.now.toISOString(), {
      state: to,
      step: null,
      due_date: null,
      waiting_units: '',
    }))
  )
    throw new DeskError('STALE', 'err.STALE');
}

/** A new certificate printing the extended end date, replacing the one in force. Returns its id. */
export async function reissueForExtension(trx: Trx, ctx: Ctx, filingId: number, extensionTo: string, reason: string): Promise<number> {
  const live = await liveCertificate(trx, filingId);
  if (!live) throw new DeskError('CONFLICT', 'cert.noneInForce');
  return reissueCertificate(trx, ctx, live.id, reason, { extensionTo });
}
