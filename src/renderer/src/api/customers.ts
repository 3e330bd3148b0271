import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { invoke } from './client';
import { queryKeys } from './keys';
import { useDebounced } from './search';

/**
 * Customers, devices and work orders show each other (open orders on a customer, devices on an
 * order, hits in the search box): a change to one reads the others again.
 */
export async function afterCounterChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
    queryClient.invalidateQueries({ queryKey: queryKeys.workOrders }),
    queryClient.invalidateQueries({ queryKey: queryKeys.searches }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

export function useCustomerList(input: InputOf<'customers.list'>) {
  return useQuery({
    queryKey: queryKeys.customerList(input),
    queryFn: () => invoke('customers.list', input),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.customer(id ?? ''),
    queryFn: () => invoke('customers.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

/** "138 0013-8000" → "13800138000", the way the server stores numbers. */
export function phoneDigitsOf(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[\s\-()+]/g, '') : '';
}

export type PhoneMatch = OutputOf<'customers.checkPhone'>[number];

/**
 * Other customers who already have any of these numbers, checked ~300 ms after typing stops:
 * the live duplicate-phone warning of the customer forms.
 */
export function usePhoneMatches(phones: string[], exceptId?: string): PhoneMatch[] {
  const settled = useDebounced(phones.map(phoneDigitsOf).join(','), 300);
  const numbers = [...new Set(settled.split(',').filter((p) => /^\d{3,20}$/.test(p)))];
  const results = useQueries({
    queries: numbers.map((phone) => ({
      queryKey: queryKeys.checkPhone(phone, exceptId),
      queryFn: () => invoke('customers.checkPhone', exceptId ? { phone, exceptId } : { phone }),
      staleTime: 5_000,
    })),
  });
  const seen = new Set<string>();
  return results
    .flatMap((r) => r.data ?? [])
    .filter((m) => {
      const key = `${m.id}:${m.phone}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function useCounterMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => afterCounterChange(queryClient) });
}

/** The customer as stored now, for an edit form refused as stale; the screens showing it refresh too. */
export function useReloadCustomer(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    const [fresh] = await Promise.all([invoke('customers.get', { id }), afterCounterChange(queryClient)]);
    return fresh.customer;
  };
}

export function useCreateCustomer() {
  return useCounterMutation((input: InputOf<'customers.create'>) => invoke('customers.create', input));
}

export function useUpdateCustomer() {
  return useCounterMutation((input: InputOf<'customers.update'>) => invoke('customers.update', input));
}

export function useArchiveCustomer() {
  return useCounterMutation((id: string) => invoke('customers.archive', { id }));
}

export function useRestoreCustomer() {
  return useCounterMutation((id: string) => invoke('customers.restore', { id }));
}

export function useMergeCustomers() {
  return useCounterMutation((input: InputOf<'customers.merge'>) => invoke('customers.merge', input));
}
