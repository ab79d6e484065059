import { z } from 'zod';
import { channel } from './define';
import { empty, id, nameText, opinionText, unitCode, version } from '../schemas/common';
import { FILING_STATES } from '../domain/states';
import { trackedItemSchema } from './filings';

const stamp = () => z.string();

export const ITEM_STATES = ['open', 'supplied', 'closed', 'notApplied'] as const;
export const ITEM_ALERTS = ['none', 'reminder', 'dueSoon', 'overdue'] as const;

/** A tracked item as the follow-up lists show it: the item, its filing, and where it stands today. */
export const followupItemSchema = trackedItemSchema.extend({
  filingNo: z.string(),
  projectName: z.string(),
  applicantName: z.string(),
  filingState: z.enum(FILING_STATES),
  suppliedAt: stamp().nullable(),
  closedBy: z.string().nullable(),
  alert: z.enum(ITEM_ALERTS),
  /** Working days from today to the due date (negative when overdue). */
  daysLeft: z.number(),
  /** Papers supplied for this item. */
  attachments: z.array(z.strictObject({ id: id(), name: z.string(), mime: z.string(), size: z.number(), uploadedAt: stamp() })),
});
export type FollowupItem = z.infer<typeof followupItemSchema>;

const fileUpload = z.strictObject({
  name: nameText(),
  contentBase64: z.string().max(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4, { error: 'v.file.tooLarge' }),
});

export const followupListInput = z.strictObject({
  filingId: id().nullable(),
  /** The verifying unit; null for every unit. */
  unit: unitCode().nullable(),
  states: z.array(z.enum(ITEM_STATES, { error: 'v.choice' })).max(ITEM_STATES.length),
  /** Only items due within the reminder window or overdue. */
  alertOnly: z.boolean(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
export type FollowupListInput = z.output<typeof followupListInput>;

/** The run period (domain §4, §9): planned start to end, one extension, closure by dismantling or sealing. */
export const runPeriodSchema = z.strictObject({
  filingId: id(),
  filingState: z.enum(FILING_STATES),
  version: version(),
  start: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  /** plannedEnd, or the extension's end once extended. */
  end: z.string().nullable(),
  /** Calendar days from today to the end (negative once it has passed). */
  daysLeft: z.number().nullable(),
  extension: z.strictObject({ months: z.number(), reason: z.string(), at: stamp(), by: z.string() }).nullable(),
  maxExtensionMonths: z.number(),
  closure: z
    .strictObject({ how: z.enum(['dismantled', 'sealed']), at: stamp(), by: z.string(), reportName: z.string(), attachmentId: id() })
    .nullable(),
});
export type RunPeriod = z.infer<typeof runPeriodSchema>;

export const NOTIFICATION_KINDS = ['overdue', 'dueSoon', 'reminder', 'awaitingVerification', 'runPeriodEnding'] as const;

export const notificationSchema = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  filingId: id(),
  filingNo: z.string(),
  projectName: z.string(),
  itemId: id().nullable(),
  text: z.string(),
  unit: unitCode().nullable(),
  dueDate: z.string(),
  /** Working days for items; calendar days for the run period. */
  daysLeft: z.number(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsSchema = z.strictObject({
  today: z.string(),
  counts: z.strictObject(
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.number().int().nonnegative()])) as Record<
      (typeof NOTIFICATION_KINDS)[number],
      z.ZodNumber
    >,
  ),
  /** Most urgent first; at most 200. */
  items: z.array(notificationSchema),
});
export type Notifications = z.infer<typeof notificationsSchema>;

export const BREACH_ACTIONS = ['terminate', 'suspend', 'revoke', 'reinstate'] as const;

export const sweepResultSchema = z.strictObject({
  today: z.string(),
  actions: z.array(
    z.strictObject({
      filingId: id(),
      filingNo: z.string(),
      action: z.enum(BREACH_ACTIONS),
      from: z.enum(FILING_STATES),
      to: z.enum(FILING_STATES),
      overdueSince: z.string().nullable(),
    }),
  ),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;

const durationStats = z.strictObject({ n: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });

export const DASHBOARD_STEPS = ['acceptance', 'correction', 'review', 'supplement', 'certificate'] as const;

export const dashboardSchema = z.strictObject({
  today: z.string(),
  fromMonth: z.string(),
  total: z.number().int(),
  byState: z.array(z.strictObject({ state: z.enum(FILING_STATES), n: z.number().int() })),
  /** Working days per step, completed in the period (review: counted time, pauses excluded). */
  steps: z.array(durationStats.extend({ step: z.enum(DASHBOARD_STEPS) })),
  /** Per unit: its review decisions in the period, plus filings waiting for it now. */
  units: z.array(
    durationStats.extend({
      unit: unitCode(),
      waitingNow: z.number().int(),
      /** Working days summed over the filings waiting for the unit now (filing-days of backlog). */
      waitingDays: z.number().int(),
      waitingMedian: z.number().nullable(),
      waitingMax: z.number().nullable(),
    }),
  ),
  /** 'waiting': most filing-days waiting now (median of those waits); 'completed': nobody waits, slowest finished reviews. */
  bottleneck: z
    .strictObject({
      unit: unitCode(),
      basis: z.enum(['waiting', 'completed']),
      median: z.number(),
      waitingNow: z.number().int(),
      waitingDays: z.number().int(),
    })
    .nullable(),
  overdueByUnit: z.array(z.strictObject({ unit: unitCode(), overdue: z.number().int(), open: z.number().int() })),
  /** Filings first submitted, acceptance decisions of any kind, and certificates issued, per month. */
  perMonth: z.array(
    z.strictObject({ month: z.string(), submitted: z.number().int(), accepted: z.number().int(), registered: z.number().int() }),
  ),
  elapsedMs: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** 'dashboard' is the dashboard's figures themselves (over `months`, 12 unless given), not rows behind them. */
export const EXPORT_KINDS = ['filings', 'items', 'problems', 'audit', 'dashboard'] as const;
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
/** A run id the window makes up (random hex), so it can ask about the run before the run answers. */
const exportRunId = z.string().regex(/^[0-9a-f]{16,64}$/, { error: 'v.code' });

export const followupContract = {
  'followup.list': channel({
    input: followupListInput,
    output: z.strictObject({ total: z.number().int(), rows: z.array(followupItemSchema) }),
    access: 'user',
    writes: false,
  }),
  /** The clerk records the paper (or the firm's report) for an item; the verifying unit then checks it. */
  'followup.supply': channel({
    input: z.strictObject({ itemId: id(), note: opinionText(), file: fileUpload.nullable() }),
    output: followupItemSchema,
    access: ['clerk'],
    writes: true,
  }),
  /** 回访销号: only a reviewer of the item's verifying unit closes it, with the return-visit note. */
  'followup.verify': channel({
    input: z.strictObject({ itemId: id(), note: opinionText().pipe(z.string().min(1, { error: 'v.required' })) }),
    output: followupItemSchema,
    access: ['reviewer'],
    writes: true,
  }),
  'followup.notApplied': channel({
    input: z.strictObject({ itemId: id(), reason: opinionText().pipe(z.string().min(1, { error: 'v.required' })) }),
    output: followupItemSchema,
    access: ['reviewer'],
    writes: true,
  }),
  'followup.notifications': channel({ input: empty, output: notificationsSchema, access: 'user', writes: false }),
  /** Runs the escalation policy now, for one filing or all (the host also runs it on start and on a timer). */
  /** What a sweep would do now, done by nobody: the clerk reads it, and confirms each revocation, before sweeping. */
  'followup.sweepPreview': channel({
    input: z.strictObject({ filingId: id().nullable() }),
    output: sweepResultSchema,
    access: ['clerk'],
    writes: false,
  }),
  /** Runs the sweep; revokes only the filings listed in `revoke` (confirmed from the preview), never any other. */
  'followup.sweep': channel({
    input: z.strictObject({ filingId: id().nullable(), revoke: z.array(id()).max(1000).default([]) }),
    output: sweepResultSchema,
    access: ['clerk'],
    writes: true,
  }),
  'followup.runPeriod': channel({ input: z.strictObject({ filingId: id() }), output: runPeriodSchema, access: 'user', writes: false }),
  'followup.extend': channel({
    input: z.strictObject({
      filingId: id(),
      version: version(),
      months: z.number({ error: 'v.number' }).int({ error: 'v.number' }).min(1, { error: 'v.tooSmall' }).max(36, { error: 'v.tooBig' }),
      reason: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
    }),
    output: runPeriodSchema,
    access: ['clerk'],
    writes: true,
  }),
  'followup.close': channel({
    input: z.strictObject({
      filingId: id(),
      version: version(),
      how: z.enum(['dismantled', 'sealed'], { error: 'v.choice' }),
      report: fileUpload,
    }),
    output: runPeriodSchema,
    access: ['clerk'],
    writes: true,
  }),
  'dashboard.get': channel({
    input: z.strictObject({ months: z.number().int().min(1).max(120) }),
    output: dashboardSchema,
    access: 'user',
    writes: false,
  }),
  /** Builds the file and answers the id of its download route (`files/export/<id>`). Audited. */
  'export.create': channel({
    input: z.strictObject({
      kind: z.enum(EXPORT_KINDS, { error: 'v.choice' }),
      format: z.enum(EXPORT_FORMATS, { error: 'v.choice' }),
      months: z.number().int().min(1).max(120).optional(),
      /** The window's own id for this run, by which it asks how far it got and cancels it (export.progress/cancel). */
      runId: exportRunId.optional(),
    }),
    output: z.strictObject({ id: z.string(), filename: z.string(), rows: z.number().int(), size: z.number().int() }),
    access: 'user',
    writes: true,
  }),
  /** How far a run of this account has got (rows written of rows to write); null once it ended or if unknown. */
  'export.progress': channel({
    input: z.strictObject({ runId: exportRunId }),
    output: z.strictObject({ written: z.number().int(), total: z.number().int().nullable() }).nullable(),
    access: 'user',
    writes: false,
  }),
  /**
   * Stops a run of this account at its next chunk: export.create then answers CONFLICT and leaves no file and no audit
   * entry. A cancel that arrives before its run began stops it from beginning.
   */
  'export.cancel': channel({
    input: z.strictObject({ runId: exportRunId }),
    output: z.strictObject({ cancelled: z.boolean() }),
    access: 'user',
    writes: false,
  }),
};
