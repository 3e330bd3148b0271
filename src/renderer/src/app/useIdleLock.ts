import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLock } from '../api/auth';
import { queryKeys } from '../api/keys';

const ACTIVITY_EVENTS = ['keydown', 'mousemove', 'mousedown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Lock the screen after `minutes` without keyboard, mouse, pointer or wheel activity (0 = never).
 * While the user is active it also reads the boot state now and then: that keeps the server's
 * idle clock (which counts calls, not keystrokes) from locking someone who is typing a long form.
 */
export function useIdleLock(minutes: number): void {
  const { mutate: lock } = useLock();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (minutes <= 0) return undefined;
    const limit = minutes * 60_000;
    const heartbeat = Math.min(60_000, limit / 3);
    // The screen's monotonic clock: idleness is a duration here, not a time of day.
    let lastActivity = performance.now();
    let lastHeartbeat = lastActivity;
    let timer: number | undefined;

    const check = (): void => {
      const idle = performance.now() - lastActivity;
      if (idle >= limit) {
        timer = undefined;
        lock();
      } else {
        timer = window.setTimeout(check, limit - idle);
      }
    };
    const onActivity = (): void => {
      lastActivity = performance.now();
      if (lastActivity - lastHeartbeat >= heartbeat) {
        lastHeartbeat = lastActivity;
        void queryClient.invalidateQueries({ queryKey: queryKeys.authState });
      }
    };

    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer = window.setTimeout(check, limit);
    return () => {
      if (timer !== undefined) window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, lock, queryClient]);
}
