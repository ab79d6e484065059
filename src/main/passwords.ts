import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

/** OWASP's scrypt parameters (N=2^17, r=8, p=1); about 1 s here, so always the asynchronous call. */
export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
type Params = { N: number; r: number; p: number };

function scrypt(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, 32, { ...params, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Stored as `scrypt$N$r$p$salt$hash` so the parameters travel with the hash. */
export async function hashPassword(password: string, params: Params = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Seconds a user must wait after `failures` consecutive failed logins: none for 3, then doubling to 5 minutes. */
export function loginDelaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2 ** (failures - 3) * 5, 300);
}

/**
 * Seconds a client address must wait after `failures` failed logins across all names: looser than per account,
 * because every browser on the desk's own machine shares one address, but it stops one client walking through names.
 */
export function addressDelaySeconds(failures: number): number {
  if (failures < 10) return 0;
  return Math.min(2 ** (failures - 10) * 5, 300);
}
