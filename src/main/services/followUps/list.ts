import { and, asc, count, desc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import type { ParsedInputOf } from '@shared/contract';
import { FOLLOW_UP_TABS, type FollowUpList, type FollowUpTab } from '@shared/schemas/followUps';
import { followUps } from '../../db/schema';
import type { CallContext } from '../context';
import { todayWindow } from './due';
import { followUpRows } from './rows';

/** What each tab holds, cut at the server's local midnights. */
function tabWhere(tab: FollowUpTab, start: number, end: number): SQL | undefined {
  const pending = eq(followUps.state, 'pending');
  switch (tab) {
    case 'today':
      return and(pending, gte(followUps.dueAt, start), lt(followUps.dueAt, end));
    case 'overdue':
      return and(pending, lt(followUps.dueAt, start));
    case 'pending':
      return pending;
    case 'done':
      return ne(followUps.state, 'pending');
  }
}

/** 回访 queue: one tab's page (due first; settled ones newest first) and every tab's count. */
export function listFollowUps(ctx: CallContext, input: ParsedInputOf<'followUps.list'>): FollowUpList {
  const q = ctx.deps.db;
  const { today, start, end } = todayWindow(ctx.deps.now());
  const counts = Object.fromEntries(
    FOLLOW_UP_TABS.map((tab) => [
      tab,
      q
        .select({ n: count() })
        .from(followUps)
        .where(tabWhere(tab, start, end))
        .get()?.n ?? 0,
    ]),
  ) as Record<FollowUpTab, number>;
  const orderBy =
    input.tab === 'done'
      ? [desc(followUps.doneAt), desc(followUps.id)]
      : [asc(followUps.dueAt), asc(followUps.id)];
  const rows = followUpRows(
    q,
    tabWhere(input.tab, start, end),
    orderBy,
    input.pageSize,
    (input.page - 1) * input.pageSize,
    start,
  );
  return { total: counts[input.tab], rows, counts, today };
}
