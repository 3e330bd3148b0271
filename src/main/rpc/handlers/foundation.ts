import type { HandlersFor } from '../handlerTypes';
import * as auth from '../../services/auth';
import * as users from '../../services/users';
import * as audit from '../../services/audit';
import * as settings from '../../services/settings';
import { loadSampleData } from '../../services/sampleData';

export const foundationHandlers: HandlersFor<'auth.'> &
  HandlersFor<'users.'> &
  HandlersFor<'audit.'> &
  HandlersFor<'settings.'> = {
  'auth.state': (_, ctx) => auth.appState(ctx),
  'auth.setup': async (input, ctx) => {
    const admin = await auth.setup(ctx, input);
    if (input.sampleData) await loadSampleData({ ...ctx, user: users.getUser(ctx.deps.db, admin.id) });
    return admin;
  },
  'auth.signIn': (input, ctx) => auth.signIn(ctx, input),
  'auth.signOut': (_, ctx) => auth.signOut(ctx),
  'auth.lock': (_, ctx) => auth.lock(ctx),
  'auth.unlock': (input, ctx) => auth.unlock(ctx, input),
  'auth.changePassword': (input, ctx) => auth.changePassword(ctx, input),

  'users.list': (_, ctx) => users.listUsers(ctx.deps.db, ctx.deps.now()),
  'users.create': (input, ctx) => users.createUser(ctx, input),
  'users.update': (input, ctx) => users.updateUser(ctx, input),
  'users.resetPassword': (input, ctx) => users.resetPassword(ctx, input),

  'audit.list': (input, ctx) => audit.listAudit(ctx.deps.db, input),
  'audit.facets': (_, ctx) => audit.auditFacets(ctx.deps.db),

  'settings.get': (_, ctx) => settings.getSettings(ctx.deps.db),
  'settings.update': (input, ctx) => settings.updateSettings(ctx, input),
};
