import { z } from 'zod';
import { channel } from './define';
import { empty, nameText, okOutput, role, unitCode, id } from '../schemas/common';
import { UNIT_CODES } from '../domain/units';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../domain/password';

export const username = () =>
  z
    .string({ error: 'v.text' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,32}$/, { error: 'v.username' });
/** Passwords are not normalised beyond NFC; 10–128 characters. */
export const password = () =>
  z
    .string({ error: 'v.text' })
    .transform((s) => s.normalize('NFC'))
    .pipe(z.string().min(PASSWORD_MIN, { error: 'v.password.short' }).max(PASSWORD_MAX, { error: 'v.password.long' }))
    .superRefine((s, ctx) => {
      const problem = passwordProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: `v.password.${problem}` });
    });

/** The password may not be the account's own name: checked where both travel together. */
const notTheUsername = (a: { username: string; password: string }, ctx: z.RefinementCtx) => {
  if (passwordProblem(a.password, a.username) === 'username')
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'v.password.username' });
};

export const actorSchema = z.strictObject({
  id: id(),
  username: z.string(),
  displayName: z.string(),
  role: role(),
  unit: unitCode().nullable(),
  isDemo: z.boolean(),
});
export type Actor = z.infer<typeof actorSchema>;

export const dbHealthSchema = z.strictObject({
  ok: z.boolean(),
  /** Why writes are refused, as a catalogue key; null when healthy. */
  problem: z.string().nullable(),
  detail: z.string().nullable(),
  path: z.string(),
  latestBackup: z.string().nullable(),
  /** How to restore latestBackup into this folder with this installation (app switch or npm script). */
  restoreCommand: z.string().nullable(),
});

export const authContract = {
  'auth.status': channel({
    input: empty,
    output: z.strictObject({
      needsSetup: z.boolean(),
      actor: actorSchema.nullable(),
      db: dbHealthSchema,
      demoLoaded: z.boolean(),
      mode: z.enum(['electron', 'browser', 'server', 'test']),
    }),
    access: 'public',
    writes: false,
  }),
  'auth.setup': channel({
    input: z.strictObject({ username: username(), displayName: nameText(), password: password() }).superRefine(notTheUsername),
    output: actorSchema,
    access: 'public',
    writes: true,
  }),
  'auth.login': channel({
    input: z.strictObject({ username: username(), password: z.string().max(128) }),
    output: actorSchema,
    access: 'public',
    writes: true,
  }),
  'auth.logout': channel({ input: empty, output: okOutput, access: 'user', writes: false }),
  'auth.changePassword': channel({
    input: z.strictObject({ current: z.string().max(128), next: password() }),
    output: okOutput,
    access: 'user',
    writes: true,
  }),
};

export const accountSchema = z.strictObject({
  id: id(),
  username: z.string(),
  displayName: z.string(),
  role: role(),
  unit: unitCode().nullable(),
  disabled: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

const accountFields = z
  .strictObject({ username: username(), displayName: nameText(), role: role(), unit: unitCode().nullable(), password: password() })
  .superRefine((a, ctx) => {
    // A reviewer belongs to exactly one unit; clerks sit at the approval desk (sp); others have none.
    if (a.role === 'reviewer' && !a.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'v.unit.required' });
    if (a.role !== 'reviewer' && a.role !== 'clerk' && a.unit)
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'v.unit.notAllowed' });
    if (a.role === 'clerk' && a.unit && a.unit !== 'sp') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'v.unit.clerkSp' });
    notTheUsername(a, ctx);
  });

export const accountsContract = {
  'accounts.list': channel({ input: empty, output: z.array(accountSchema), access: ['admin'], writes: false }),
  'accounts.create': channel({ input: accountFields, output: accountSchema, access: ['admin'], writes: true }),
  'accounts.setDisabled': channel({
    input: z.strictObject({ id: id(), disabled: z.boolean() }),
    output: accountSchema,
    access: ['admin'],
    writes: true,
  }),
  'accounts.resetPassword': channel({
    input: z.strictObject({ id: id(), password: password() }),
    output: okOutput,
    access: ['admin'],
    writes: true,
  }),
  /** Reviewers by unit, for session attendance and step-up confirmation pickers. */
  'accounts.reviewers': channel({
    input: empty,
    output: z.array(z.strictObject({ id: id(), displayName: z.string(), unit: z.enum(UNIT_CODES) })),
    access: 'user',
    writes: false,
  }),
};
