import { onlineManager } from '@tanstack/react-query';
import type { Envelope } from '@shared/errors';

/**
 * Whether the host (or, on one PC, this PC's own service) answers. A call that never got an answer
 * — the fetch rejected, the reply was not ours, or the desktop terminal's `hostUnreachable` — marks
 * the host away; any answer, even a refusal, marks it back. While away, TanStack Query is told it is
 * offline: queries pause and keep what they show instead of turning into errors, and their retries
 * wait. Mutations run regardless (networkMode 'always') so a save fails visibly instead of waiting.
 */
type Listener = (away: boolean) => void;

let away = false;
const listeners = new Set<Listener>();

/** A refusal that says "no answer from the host", not "the host said no". */
export function isUnanswered(envelope: Envelope<unknown>): boolean {
  return (
    !envelope.ok &&
    (envelope.error.reason === 'transportFailed' || envelope.error.reason === 'hostUnreachable')
  );
}

/** Every call's outcome passes through here (api/client.ts). */
export function noteAnswer(envelope: Envelope<unknown>): void {
  setAway(isUnanswered(envelope));
}

function setAway(next: boolean): void {
  if (next === away) return;
  away = next;
  for (const listener of listeners) listener(away);
}

export function hostAway(): boolean {
  return away;
}

/** Called on every change of the away state; returns the unsubscribe. */
export function onHostAway(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The desktop terminal's main process watches its link to the host and says when it drops or returns,
// even while this screen makes no call. (No window: the module is loaded by a Node unit test.)
if (typeof window !== 'undefined')
  window.shell?.onHostState((state) => {
    if (
      typeof state === 'object' &&
      state !== null &&
      'reachable' in state &&
      typeof state.reachable === 'boolean'
    )
      setAway(!state.reachable);
  });

// TanStack Query's "online" is the host answering, not the browser's network flag: a tablet on the
// shop's Wi-Fi is "online" while the host PC is off.
onlineManager.setEventListener((setOnline) => onHostAway((isAway) => setOnline(!isAway)));
