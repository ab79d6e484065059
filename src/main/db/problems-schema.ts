import type { Db, Trx } from './connection';

/** Shared helpers of the enterprise-problem repositories (the tables themselves are in schema.ts). */
export type Q = Db | Trx;

export const deptList = (codes: readonly string[]) => (codes.length ? `,${codes.join(',')},` : ',');
export const parseDepts = (s: string) => s.split(',').filter(Boolean);
