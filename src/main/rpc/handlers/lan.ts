import { AppError } from '@shared/errors';
import type { HandlersFor } from '../handlerTypes';
import type { CallContext, LanGate } from '../../services/context';
import { listTerminals, renameTerminal, revokeTerminal } from '../../services/terminals';
import { actorOf } from '../../services/users';

function lanHost(ctx: CallContext): LanGate {
  if (!ctx.deps.lan) throw new AppError('internal', {}, 'no LAN host runs in this process');
  return ctx.deps.lan;
}

export const lanHandlers: HandlersFor<'lan.'> = {
  'lan.status': (_input, ctx) => lanHost(ctx).status(),
  'lan.configure': (input, ctx) => lanHost(ctx).configure(input, actorOf(ctx.user)),
  'lan.newPairingCode': (_input, ctx) => lanHost(ctx).newPairingCode(),
  'lan.cancelPairingCode': (_input, ctx) => lanHost(ctx).cancelPairingCode(),
  'lan.terminals': (_input, ctx) => listTerminals(ctx.deps),
  'lan.renameTerminal': (input, ctx) => renameTerminal(ctx, input),
  'lan.revokeTerminal': (input, ctx) => revokeTerminal(ctx, input.id),
};
