import type { KeyboardEvent, ReactNode, Ref } from 'react';
import './counter.css';

export interface PickItem {
  key: string;
  testId: string;
  content: ReactNode;
}

/**
 * ↑/↓ move the highlight (wrapping), Enter picks it. Returns whether the key was one of those,
 * so a search field can hand its key presses to the list it drives.
 */
export function handleListKey(
  event: KeyboardEvent,
  count: number,
  active: number,
  setActive: (index: number) => void,
  pick: (index: number) => void,
): boolean {
  if (count === 0) return false;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    setActive((active + step + count) % count);
    return true;
  }
  if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    pick(Math.min(active, count - 1));
    return true;
  }
  return false;
}

interface PickListProps {
  items: PickItem[];
  active: number;
  onActive: (index: number) => void;
  onPick: (index: number) => void;
  testId: string;
  label: string;
  empty?: ReactNode;
  /** A standalone list takes the focus itself; one driven by a search field does not. */
  focusable?: boolean;
  listRef?: Ref<HTMLDivElement>;
}

/** A keyboard-first list of choices: the highlighted row is picked with Enter (or a click). */
export function PickList(props: PickListProps) {
  const { items, active, onActive, onPick, testId, label, empty, focusable, listRef } = props;
  const current = Math.min(active, Math.max(items.length - 1, 0));
  return (
    <div
      ref={listRef}
      className="pick-list"
      role="listbox"
      aria-label={label}
      aria-activedescendant={items[current] ? `${testId}-${items[current].key}` : undefined}
      tabIndex={focusable ? 0 : undefined}
      data-testid={testId}
      onKeyDown={
        focusable ? (event) => void handleListKey(event, items.length, current, onActive, onPick) : undefined
      }
    >
      {items.length === 0 && <div className="pick-list__empty">{empty}</div>}
      {items.map((item, index) => (
        <div
          key={item.key}
          id={`${testId}-${item.key}`}
          role="option"
          aria-selected={index === current}
          className={`pick-list__item${index === current ? ' pick-list__item--active' : ''}`}
          data-testid={item.testId}
          onMouseEnter={() => onActive(index)}
          onClick={() => onPick(index)}
        >
          {item.content}
        </div>
      ))}
    </div>
  );
}
