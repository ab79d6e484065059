import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../shared/contract/auth';
import { DeskError } from '../shared/result';
import type { Ctx, Services } from './services';
import type { Settings } from '../shared/schemas/settings';
import { toActor } from './db/users';
import { settingsFromStored } from './db/settings';
import { deleteSession, deleteUserSessions, insertSession, lookupSession, touchSession } from './db/sessions';

/**
 * session-1. A session is a random secret the desk issues at sign-in; the store keeps only its SHA-256. The transport
 * holds the secret for its caller and hands it to dispatch with every call: a browser in an HttpOnly, SameSite=Strict
 * cookie, Electron's main process per window (the renderer never sees it), a district-server relay the same way.
 * Dispatch never accepts an identity the caller names itself.
 */
export interface SessionSlot {
  /** The secret this transport holds for the caller, or null. */
  readonly secret: string | null;
  /** Called by sign-in with a fresh secret and by sign-out (or a dead session) with null; the transport keeps it. */
  set(secret: string | null): void;
}

/** A slot kept in the main process, keyed by a connection the main process itself assigned (Electron windows, tests). */
export function heldSlot(held: Map<string, string>, connection: string): SessionSlot {
  return {
    get secret() {
      return held.get(connection) ?? null;
    },
    set(secret) {
      if (secret) held.set(connection, secret);
      else held.delete(connection);
    },
  };
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
/** Seen-at is written at most this often, so reading does not turn every request into a disk write. */
const TOUCH_EVERY_MS = 60_000;

export interface ResolvedSession {
  actor: Actor;
  secretHash: string;
  /** The settings as stored when the session was checked (read in the same statement). */
  settings: Settings;
}

/** The caller's session if it is live: known, not idle too long, not too old, its account still enabled. */
export async function resolveSession(services: Services, slot: SessionSlot, now: Date): Promise<ResolvedSession | null> {
  const secret = slot.secret;
  if (!secret || !SECRET.test(secret)) return null;
  const { db } = services.store;
  const secretHash = hashSecret(secret);
  // The session, its account and the settings in one statement: each is a round trip on the district server.
  const found = await lookupSession(db, secretHash);
  if (!found) return null;
  const { session: row, user } = found;
  const settings = settingsFromStored(found.settings);
  const { idleMinutes, absoluteHours } = services.sessionLimits ?? settings.sessions;
  const idle = now.getTime() - Date.parse(row.last_seen_at) > idleMinutes * 60_000;
  const old = now.getTime() - Date.parse(row.created_at) > absoluteHours * 3_600_000;
  const actor = idle || old || !user ? null : toActor(user);
  if (!actor) {
    await deleteSession(db, secretHash);
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) await touchSession(db, secretHash, now.toISOString());
  return { actor, secretHash, settings };
}

/** Signs the caller in as `userId`: a fresh secret (any previous one of this caller ends), handed to its transport. */
export async function beginSession(ctx: Ctx, userId: number): Promise<void> {
  const slot = ctx.session;
  if (!slot) throw new DeskError('INVALID', 'err.INVALID');
  if (slot.secret) await deleteSession(ctx.services.store.db, hashSecret(slot.secret));
  slot.set(await createSession(ctx.services, userId, ctx.now));
}

/** Stores a new session for `userId` and returns its secret; only the caller's transport ever sees the secret. */
export async function createSession(services: Services, userId: number, now: Date): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await insertSession(services.store.db, {
    secret_hash: hashSecret(secret),
    user_id: userId,
    transport: services.mode,
    created_at: at,
    last_seen_at: at,
  });
  return secret;
}

export async function endSession(ctx: Ctx): Promise<void> {
  const slot = ctx.session;
  if (slot?.secret) await deleteSession(ctx.services.store.db, hashSecret(slot.secret));
  slot?.set(null);
}

/** Password changed or reset, account disabled: every session of the user ends, in every transport at once. */
export async function endAllSessions(services: Services, userId: number): Promise<void> {
  await deleteUserSessions(services.store.db, userId);
}
