import { sign, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { privateKeyOf, publicKeyOf, type DeskKeys } from '../crypto/signing';
import { writeDurably, writeDurablyAsync } from './durable';
import type { ChainHead } from './audit';

/** The chain head as kept outside the database: signed with the desk's Ed25519 key, so it cannot be re-made by hand. */
export interface SignedHead extends ChainHead {
  keyId: string;
  signature: string;
}

export type HeadState =
  { state: 'ok'; head: ChainHead } | { state: 'missing' } | { state: 'invalid'; why: 'format' | 'unknownKey' | 'signature' };

const headPayload = (h: ChainHead, keyId: string) => `pilot-desk audit head v1\nseq=${h.seq}\nhash=${h.hash}\nkey=${keyId}`;

export function signHead(keys: DeskKeys, head: ChainHead): SignedHead {
  const signature = sign(null, Buffer.from(headPayload(head, keys.keyId)), privateKeyOf(keys.privateKeyPem)).toString('base64url');
  return { seq: head.seq, hash: head.hash, keyId: keys.keyId, signature };
}

/** Checks a stored head (file or backup sidecar) against the trusted keys; anything else is not a head. */
export function checkSignedHead(value: unknown, trusted: Pick<DeskKeys, 'keyId' | 'publicKeyPem'>[]): HeadState {
  if (value === undefined || value === null) return { state: 'missing' };
  const v = value as Partial<SignedHead>;
  if (
    typeof v !== 'object' ||
    !Number.isSafeInteger(v.seq) ||
    (v.seq as number) < 1 ||
    typeof v.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(v.hash) ||
    typeof v.keyId !== 'string' ||
    typeof v.signature !== 'string'
  )
    return { state: 'invalid', why: 'format' };
  const key = trusted.find((k) => k.keyId === v.keyId);
  if (!key) return { state: 'invalid', why: 'unknownKey' };
  const head = { seq: v.seq as number, hash: v.hash };
  let valid = false;
  try {
    valid = verify(null, Buffer.from(headPayload(head, key.keyId)), publicKeyOf(key.publicKeyPem), Buffer.from(v.signature, 'base64url'));
  } catch {
    valid = false;
  }
  return valid ? { state: 'ok', head } : { state: 'invalid', why: 'signature' };
}

/**
 * The chain head file (head-1). Written durably and signed; read back only through the signature check, so a
 * deleted, emptied, unsigned or hand-edited file is never taken for a head. `keys` is null where the desk's key is
 * absent: then nothing verifies and nothing is written.
 */
export class HeadFile {
  constructor(
    public readonly path: string,
    private readonly keys: DeskKeys | null,
  ) {}

  inspect(): HeadState {
    if (!existsSync(this.path)) return { state: 'missing' };
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return { state: 'invalid', why: 'format' };
    }
    return checkSignedHead(value ?? {}, this.keys ? [this.keys] : []);
  }

  /** Checks a head kept elsewhere (the district server keeps one in PostgreSQL) against this desk's key. */
  check(value: unknown): HeadState {
    return checkSignedHead(value, this.keys ? [this.keys] : []);
  }

  /** The verified head, or null when there is none that verifies. */
  read(): ChainHead | null {
    const s = this.inspect();
    return s.state === 'ok' ? s.head : null;
  }

  sign(head: ChainHead): SignedHead {
    if (!this.keys) throw new Error('the desk key is missing; the chain head cannot be signed');
    return signHead(this.keys, head);
  }

  /** Writes `head` signed, replacing whatever is there. Only for a chain that was verified, or a deliberate re-anchor. */
  write(head: ChainHead): SignedHead {
    const signed = this.sign(head);
    writeDurably(this.path, JSON.stringify(signed));
    return signed;
  }

  /**
   * Moves the head forward after a commit. Never re-creates a head that went missing or stopped verifying: that
   * would anchor a chain nobody checked. Several desk processes may race; a lagging head is still a valid check.
   * `mayCreate` is true only when the chain was empty at open, so the very first entry creates the head.
   */
  advance(head: ChainHead, mayCreate: boolean): 'moved' | 'behind' | 'refused' {
    const verdict = this.verdict(head, mayCreate);
    if (verdict === 'write') this.write(head);
    return verdict === 'write' ? 'moved' : verdict;
  }

  /** advance, writing the file without holding the event loop (the district server's anchor, off the request path). */
  async advanceAsync(head: ChainHead, mayCreate: boolean): Promise<'moved' | 'behind' | 'refused'> {
    const verdict = this.verdict(head, mayCreate);
    if (verdict === 'write') await writeDurablyAsync(this.path, JSON.stringify(this.sign(head)));
    return verdict === 'write' ? 'moved' : verdict;
  }

  private verdict(head: ChainHead, mayCreate: boolean): 'write' | 'behind' | 'refused' {
    const current = this.inspect();
    if (current.state === 'ok') return current.head.seq >= head.seq ? 'behind' : 'write';
    return current.state === 'missing' && mayCreate ? 'write' : 'refused';
  }
}
