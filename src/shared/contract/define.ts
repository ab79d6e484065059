import type { z } from 'zod';
import type { Role } from '../domain/units';

/**
 * Who may call a channel at all. Finer rules (a reviewer only for their own unit) live in the handler
 * and, where SQL can express them, in a database constraint.
 */
export type Access = 'public' | 'user' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Writes are refused while the database failed its startup check. */
  writes: boolean;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> => def;
