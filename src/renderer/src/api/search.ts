import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';

export type SearchResult = OutputOf<'search.global'>;

/** What the box sends: trimmed, and at most the 60 characters the contract accepts. */
export function searchTerm(text: string): string {
  return text.trim().slice(0, 60);
}

function searchFn(q: string) {
  return () => invoke('search.global', { q, limit: 8 });
}

/** `value` after it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Results as you type, read ~150 ms after the last key. */
export function useGlobalSearch(text: string) {
  const q = searchTerm(useDebounced(text, 150));
  const query = useQuery({
    queryKey: queryKeys.search(q),
    queryFn: searchFn(q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  /** `q`: the text the data answers (what was typed ~150 ms ago). */
  return { query, q };
}

/**
 * The answer for exactly this text, now: Enter may come before the debounce (a barcode scanner
 * types the order number and Enter within milliseconds).
 */
export function useSearchNow() {
  const queryClient = useQueryClient();
  return (text: string): Promise<SearchResult> => {
    const q = searchTerm(text);
    return queryClient.fetchQuery({ queryKey: queryKeys.search(q), queryFn: searchFn(q), staleTime: 5_000 });
  };
}
