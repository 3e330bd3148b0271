import { useEffect, useEffectEvent } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { changeNotice, type ChangeNotice } from '@shared/schemas/lan';
import type { AuditEntity } from '@shared/schemas/audit';
import { queryKeys } from './keys';

type ChangeOf = Extract<ChangeNotice, { kind: 'change' }>;

/**
 * The query prefixes a change to each kind of record affects on other screens. Lists show names
 * from other areas (an order list shows the customer's name, an order its parts), so a change
 * reaches the areas that show it too. `all` is a restore or reset: every query is read again.
 */
const AFFECTS: Record<AuditEntity, readonly QueryKey[] | 'all'> = {
  user: [queryKeys.users, queryKeys.authState, queryKeys.workOrders],
  settings: [queryKeys.settings, queryKeys.authState],
  session: [queryKeys.users, queryKeys.lan],
  customer: [queryKeys.customers, queryKeys.searches, queryKeys.workOrders, queryKeys.settlements],
  device: [queryKeys.customers, queryKeys.searches, queryKeys.workOrders],
  workOrder: [
    queryKeys.workOrders,
    queryKeys.customers,
    queryKeys.searches,
    queryKeys.dashboard,
    queryKeys.reports,
    // A delivered 保养 order moves its device's plans; an order under a contract uses (or gives back) a visit.
    queryKeys.maintenance,
  ],
  workOrderAttachment: [queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  settlement: [queryKeys.settlements, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  payment: [queryKeys.settlements, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  dayClose: [queryKeys.settlements, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  part: [queryKeys.stock, queryKeys.workOrders],
  supplier: [queryKeys.stock],
  stockDocument: [queryKeys.stock, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  backupSettings: [queryKeys.backup],
  database: 'all',
  terminal: [queryKeys.lan],
  // A follow-up shows on its order's timeline; its figures on the dashboard and in the reports.
  followUp: [queryKeys.followUps, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  complaint: [queryKeys.complaints, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  // A message shows in the outbox and on its order's page (the prompt, the timeline).
  outboxMessage: [queryKeys.messages, queryKeys.workOrders],
  deposit: [queryKeys.settlements, queryKeys.workOrders, queryKeys.dashboard, queryKeys.reports],
  appointment: [queryKeys.appointments, queryKeys.dashboard, queryKeys.reports],
  maintenancePlan: [queryKeys.maintenance],
  serviceContract: [queryKeys.maintenance, queryKeys.workOrders],
  // An import or its undo adds or removes customers, devices, orders and money at once.
  historyImport: 'all',
};

/** What one change notice makes stale: its entity's areas, and the audit log, which lists every write. */
export function keysForChange(change: ChangeOf): readonly QueryKey[] | 'all' {
  const affected = AFFECTS[change.entity];
  return affected === 'all' ? 'all' : [...affected, queryKeys.audit];
}

/** A notice as it arrived (SSE data or the preload's message): a ChangeNotice, or null for anything else. */
export function readNotice(raw: unknown): ChangeNotice | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = changeNotice.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Active queries refetch now, the others are marked stale and refetch when next shown. */
function invalidate(queryClient: QueryClient, keys: Iterable<QueryKey> | 'all'): void {
  if (keys === 'all') void queryClient.invalidateQueries();
  else for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
}

/** Changes this close together are applied at once (several terminals at work make bursts of them). */
export const BATCH_MS = 100;

/**
 * The screen's side of the notices: the changes of a burst are gathered and each key they make stale
 * is read again once, not once per change (thousands of refetches at once exhaust the browser).
 */
export function changeBatcher(queryClient: QueryClient, waitMs = BATCH_MS): (change: ChangeOf) => void {
  let pending: Map<string, QueryKey> | 'all' = new Map();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const keys = pending;
    pending = new Map();
    invalidate(queryClient, keys === 'all' ? 'all' : keys.values());
  };
  return (change) => {
    const keys = keysForChange(change);
    if (keys === 'all') pending = 'all';
    else if (pending !== 'all') for (const key of keys) pending.set(JSON.stringify(key), key);
    timer ??= setTimeout(flush, waitMs);
  };
}

export interface NoticeHandlers {
  change(change: ChangeOf): void;
  signedOut(reason: Extract<ChangeNotice, { kind: 'signedOut' }>['reason']): void;
  /** The stream came back after a break: notices may have been missed. */
  reconnected(): void;
  /** The stream broke: the host may be away (a screen left idle must show it too). */
  dropped(): void;
}

/** How long to wait before opening a stream the host closed for good (EventSource gives up then). */
const REOPEN_MS = 3000;

/**
 * The host's change notices: from the preload in the desktop app, or `GET /events` (server-sent
 * events) in a paired browser. Returns the unsubscribe.
 */
export function subscribeNotices(handlers: NoticeHandlers): () => void {
  const deliver = (raw: unknown) => {
    const notice = readNotice(raw);
    if (notice?.kind === 'change') handlers.change(notice);
    else if (notice?.kind === 'signedOut') handlers.signedOut(notice.reason);
  };
  if (window.api) return window.api.onNotice?.(deliver) ?? (() => undefined);

  let source: EventSource | null = null;
  let opened = false;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    source = new EventSource('/events');
    source.onmessage = (event: MessageEvent<unknown>) => deliver(event.data);
    source.onopen = () => {
      // Every open after the first is a reconnect: what happened meanwhile was not pushed here.
      if (opened) handlers.reconnected();
      opened = true;
    };
    source.onerror = () => {
      handlers.dropped();
      // EventSource retries a dropped connection itself; it gives up only on a refusal (closed).
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        reopen = setTimeout(open, REOPEN_MS);
      }
    };
  };
  open();
  return () => {
    clearTimeout(reopen);
    source?.close();
  };
}

/**
 * Keeps this screen live while signed in: the desktop app hears notices from its preload, a browser
 * (on the host PC or a paired terminal) opens `/events` itself.
 */
export function useNotices(
  onSignedOut: NoticeHandlers['signedOut'],
  onDropped: NoticeHandlers['dropped'],
): void {
  const queryClient = useQueryClient();
  const signedOut = useEffectEvent(onSignedOut);
  const dropped = useEffectEvent(onDropped);
  useEffect(() => {
    const change = changeBatcher(queryClient);
    return subscribeNotices({
      change,
      signedOut: (reason) => signedOut(reason),
      reconnected: () => void queryClient.invalidateQueries(),
      dropped: () => dropped(),
    });
  }, [queryClient]);
}
