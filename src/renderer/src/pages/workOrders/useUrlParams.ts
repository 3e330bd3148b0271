import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The list's state in the URL, changed by patches (`null` drops a key; any change but a page turn
 * goes back to page 1). React Router's functional update merges into the params of the render it
 * was made in, so a patch written by a timer (the text box's) could drop a tab clicked just before;
 * here every patch merges into the newest params, including patches not yet rendered.
 */
export function useUrlParams(): [URLSearchParams, (patch: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const setParam = useCallback(
    (patch: Record<string, string | null>) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in patch)) next.delete('page');
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, setParam];
}
