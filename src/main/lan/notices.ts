import type { ChangeNotice } from '@shared/schemas/lan';
import type { Change } from '../services/callScope';

/** More rows of one kind than this in one call are told as one change. */
export const MANY_ROWS = 20;

export type NoticeListener = (notice: ChangeNotice) => void;

interface Subscriber {
  listener: NoticeListener;
  /** The terminal whose screen listens; null for the host's own windows and browser tabs. */
  terminalId: string | null;
}

/**
 * The host's change feed: every screen (host windows, terminals' event streams) subscribes, and
 * dispatch publishes what each successful call changed, so the screens refresh what they show.
 */
export class NoticeFeed {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(listener: NoticeListener, terminalId: string | null = null): () => void {
    const subscriber = { listener, terminalId };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** To every screen. */
  publish(notice: ChangeNotice): void {
    this.deliver(notice, () => true);
  }

  /** To the screens of one terminal only (its revocation). */
  publishTo(terminalId: string, notice: ChangeNotice): void {
    this.deliver(notice, (s) => s.terminalId === terminalId);
  }

  /**
   * One `change` notice per distinct change of a call (a call may write the same row twice). A call
   * that changed many rows of one kind (an import) sends one notice for them all, with no id.
   */
  publishChanges(changes: readonly Change[]): void {
    const groups = new Map<
      string,
      { entity: Change['entity']; action: Change['action']; ids: Set<string | null> }
    >();
    for (const { entity, action, id } of changes) {
      const key = `${entity}\u0000${action}`;
      const group = groups.get(key) ?? { entity, action, ids: new Set() };
      group.ids.add(id);
      groups.set(key, group);
    }
    for (const { entity, action, ids } of groups.values()) {
      for (const id of ids.size > MANY_ROWS ? [null] : ids)
        this.publish({ kind: 'change', entity, id, action });
    }
  }

  private deliver(notice: ChangeNotice, to: (s: Subscriber) => boolean): void {
    // A copy: a listener may unsubscribe (its stream closed) while the notice goes round.
    for (const subscriber of [...this.subscribers]) {
      if (!to(subscriber)) continue;
      try {
        subscriber.listener(notice);
      } catch {
        // One broken screen must not keep the notice from the others.
      }
    }
  }
}
