import { describe, expect, it } from 'vitest';
import type { ChangeNotice } from '@shared/schemas/lan';
import { MANY_ROWS, NoticeFeed } from '../../src/main/lan/notices';

function heard(feed: NoticeFeed): ChangeNotice[] {
  const notices: ChangeNotice[] = [];
  feed.subscribe((n) => notices.push(n));
  return notices;
}

describe('the change notices of one call', () => {
  it('tell each changed row once, however often the call wrote it', () => {
    const feed = new NoticeFeed();
    const notices = heard(feed);
    feed.publishChanges([
      { entity: 'workOrder', id: 'o1', action: 'update' },
      { entity: 'workOrder', id: 'o1', action: 'update' },
      { entity: 'settlement', id: 's1', action: 'create' },
    ]);
    expect(notices).toEqual([
      { kind: 'change', entity: 'workOrder', id: 'o1', action: 'update' },
      { kind: 'change', entity: 'settlement', id: 's1', action: 'create' },
    ]);
  });

  it(`tell more than ${MANY_ROWS} rows of one kind (an import) as one change without an id`, () => {
    const feed = new NoticeFeed();
    const notices = heard(feed);
    const imported = Array.from({ length: 4000 }, (_, i) => ({
      entity: 'customer' as const,
      id: `c${i}`,
      action: 'create' as const,
    }));
    feed.publishChanges([...imported, { entity: 'settings', id: 'counter', action: 'update' }]);
    expect(notices).toEqual([
      { kind: 'change', entity: 'customer', id: null, action: 'create' },
      { kind: 'change', entity: 'settings', id: 'counter', action: 'update' },
    ]);

    notices.length = 0;
    feed.publishChanges(imported.slice(0, MANY_ROWS));
    expect(notices).toHaveLength(MANY_ROWS);
  });
});
