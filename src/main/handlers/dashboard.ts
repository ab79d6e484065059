import type { Handler } from '../dispatch';
import { buildDashboard } from '../followup/dashboard';
import { todayOf } from '../services';

const get: Handler<'dashboard.get'> = (input, ctx) => buildDashboard(ctx.services.store.db, todayOf(ctx), input.months);

export const dashboardHandlers = { 'dashboard.get': get };
