import { AppError } from '@shared/errors';
import type { HandlersFor } from '../handlerTypes';
import * as reports from '../../services/reports';

const { REPORTS } = reports;

export const reportHandlers: HandlersFor<'reports.'> & HandlersFor<'dashboard.'> = {
  'dashboard.get': (_input, ctx) => {
    // Access 'signedIn' has already made sure there is a user.
    if (!ctx.user) throw new AppError('signedOut', {}, 'sign in first');
    return reports.dashboard(ctx.deps.db, ctx.user, ctx.deps.now());
  },
  'reports.volume': (input, ctx) => REPORTS.volume(ctx.deps.db, input),
  'reports.turnaround': (input, ctx) => REPORTS.turnaround(ctx.deps.db, input),
  'reports.quality': (input, ctx) => REPORTS.quality(ctx.deps.db, input),
  'reports.revenue': (input, ctx) => REPORTS.revenue(ctx.deps.db, input),
  'reports.warrantyClaims': (input, ctx) => REPORTS.warrantyClaims(ctx.deps.db, input),
  'reports.technicians': (input, ctx) => REPORTS.technicians(ctx.deps.db, input),
  'reports.parts': (input, ctx) => REPORTS.parts(ctx.deps.db, input),
  'reports.serviceQuality': (input, ctx) => REPORTS.serviceQuality(ctx.deps.db, input),
  'reports.byCategory': (input, ctx) => REPORTS.byCategory(ctx.deps.db, input),
  'reports.export': (input, ctx) => reports.exportReport(ctx, input),
};
