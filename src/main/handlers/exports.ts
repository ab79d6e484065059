import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { todayOf, write } from '../services';
import { loadSettings } from '../db/settings';
import type { FileRoutes } from '../host/files';
import { pruneExports, writeExport, type ExportFile, type ExportKind } from '../followup/export';
import { pgExportSource, sqliteExportSource } from '../db/export-source';
import { beginRun, cancelRun, checkRun, endRun, runProgress, type ExportRun } from '../followup/export-runs';
import { buildDashboard } from '../followup/dashboard';
import { writeDashboardExport } from '../followup/dashboard-export';

/** Made files, handed only to the account that asked for them; a restart forgets them (make a new one). */
const made = new Map<string, ExportFile & { actorId: number }>();

const exportDir = (dataDir: string) => join(dataDir, 'exports');

const create: Handler<'export.create'> = async (input, ctx) => {
  const actor = ctx.actor!;
  // The audit log is for administrators and the oversight office, as audit.list is.
  if (input.kind === 'audit' && actor.role !== 'admin' && actor.role !== 'observer')
    throw new DeskError('FORBIDDEN', 'export.auditForbidden');
  const { store } = ctx.services;
  const dir = exportDir(store.dataDir);
  pruneExports(dir, ctx.now);
  const id = randomBytes(16).toString('hex');
  const settings = await loadSettings(store.db);
  const open = (kind: ExportKind) => (store.kind === 'sqlite' ? sqliteExportSource(store.sqlite, kind) : pgExportSource(store.pool, kind));
  const run: ExportRun | undefined = input.runId ? beginRun(input.runId, actor.id, ctx.now.getTime()) : undefined;
  try {
    const file =
      input.kind === 'dashboard'
        ? await writeDashboardExport(await buildDashboard(store.db, todayOf(ctx), input.months ?? 12), settings, dir, id, input.format)
        : await writeExport(open, dir, id, input.kind, input.format, settings, todayOf(ctx), run);
    // The last look: a cancel that came after the last chunk still leaves no file and no audit entry.
    try {
      checkRun(run);
    } catch (e) {
      rmSync(file.path, { force: true });
      throw e;
    }
    await write(ctx, ({ audit }) =>
      audit({
        action: 'export.create',
        target: `export:${id}`,
        after: { kind: input.kind, format: input.format, rows: file.rows, size: file.size, filename: file.filename },
      }),
    );
    made.set(id, { ...file, actorId: actor.id });
    return { id, filename: file.filename, rows: file.rows, size: file.size };
  } finally {
    if (input.runId && run) endRun(input.runId);
  }
};

const progress: Handler<'export.progress'> = async (input, ctx) => runProgress(input.runId, ctx.actor!.id);

const cancel: Handler<'export.cancel'> = async (input, ctx) => ({ cancelled: cancelRun(input.runId, ctx.actor!.id, ctx.now.getTime()) });

export const exportHandlers = { 'export.create': create, 'export.progress': progress, 'export.cancel': cancel };

export const exportFiles: FileRoutes = {
  export: {
    access: 'user',
    serve(id, ctx) {
      const file = made.get(id);
      if (!file) return null;
      if (ctx.actor!.id !== file.actorId) throw new DeskError('FORBIDDEN', 'err.FORBIDDEN');
      return { bytes: readFileSync(file.path), mime: file.mime, filename: file.filename };
    },
  },
};
