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
  /**
   * The write carries an idempotency key (`input.idempotencyKey`, or where `keyOf` finds it): dispatch runs the
   * envelope once for every such channel, so a retry returns the first outcome instead of acting twice.
   */
  idempotent?: true | { keyOf: (input: z.output<I>) => string };
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> => def;
