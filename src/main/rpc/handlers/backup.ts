import { AppError } from '@shared/errors';
import { can } from '@shared/roles';
import type { HandlersFor } from '../handlerTypes';
import type { Actor, BackupGate, CallContext } from '../../services/context';
import { exportAll } from '../../services/backup/fullExport';

function manager(ctx: CallContext): BackupGate {
  if (!ctx.deps.backup) throw new AppError('backupUnavailable', {}, 'backups are not available here');
  return ctx.deps.backup;
}

function actor(ctx: CallContext): Actor | null {
  return ctx.user && { id: ctx.user.id, username: ctx.user.username };
}

export const backupHandlers: HandlersFor<'backup.'> & HandlersFor<'recovery.'> = {
  'backup.status': (_input, ctx) => manager(ctx).status(),
  'backup.progress': (_input, ctx) => manager(ctx).progress(),
  'backup.history': (_input, ctx) => manager(ctx).history(),
  'backup.settings': (_input, ctx) => manager(ctx).settings(),
  'backup.updateSettings': (input, ctx) => manager(ctx).updateSettings(input, actor(ctx)),
  'backup.now': (input, ctx) =>
    manager(ctx).backupNow(
      'manual',
      actor(ctx),
      input.folder,
      ctx.user !== null && can(ctx.user.role, 'backup.configure'),
    ),
  'backup.pick': async (input, ctx) => {
    const platform = ctx.deps.platform;
    if (!platform) return { supported: false, path: null };
    return { supported: true, path: await platform.pick(input.kind) };
  },
  'backup.inspect': (input, ctx) => manager(ctx).inspect(input.file),
  'backup.restore': async (input, ctx) => {
    const result = await manager(ctx).restore(input, actor(ctx));
    ctx.conn.setSessionId(null);
    return result;
  },
  'backup.reset': async (input, ctx) => {
    const result = await manager(ctx).reset(input.confirm, actor(ctx));
    ctx.conn.setSessionId(null);
    return result;
  },
  'backup.exportAll': (input, ctx) => exportAll(ctx, input),

  'recovery.state': (_input, ctx) => manager(ctx).recoveryState(),
  'recovery.inspect': (input, ctx) => manager(ctx).recoveryInspect(input.file),
  'recovery.restore': (input, ctx) => manager(ctx).recoveryRestore(input),
};
