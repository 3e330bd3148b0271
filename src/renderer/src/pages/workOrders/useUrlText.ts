import { useEffect, useRef, useState } from 'react';

/**
 * A text filter kept in the URL (`?q=…`), like the list's other state: the box shows what is typed at
 * once, and the URL (which the query reads) follows 300 ms after the last key, so every key does not
 * fetch a page. A text longer than `max` stays in the box, refused, and is never sent. When the URL
 * changes from outside (a link, back), the box shows the URL's text again. `write` must merge into
 * the newest URL (useUrlParams does), since the timer fires after other changes may have been made.
 */
export function useUrlText(value: string, write: (text: string | null) => void, max: number) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== draft.trim()) setDraft(value);
  }
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const tooLong = draft.trim().length > max;
  const change = (text: string) => {
    setDraft(text);
    window.clearTimeout(timer.current);
    const trimmed = text.trim();
    if (trimmed.length > max) return;
    timer.current = window.setTimeout(() => write(trimmed || null), 300);
  };
  /** Empties the box and drops what was waiting to be written; the caller clears the URL. */
  const reset = () => {
    window.clearTimeout(timer.current);
    setDraft('');
  };
  return { draft, change, reset, tooLong };
}
