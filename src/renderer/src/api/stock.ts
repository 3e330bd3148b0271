import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InputOf, OutputOf } from '@shared/contract';
import { invoke } from './client';
import { useDebounced } from './search';
import { queryKeys } from './keys';

/**
 * A stock change moves on-hand figures, alerts and reports, and can flag a work order whose part
 * arrived: read all of those again.
 */
export async function afterStockChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.stock }),
    queryClient.invalidateQueries({ queryKey: queryKeys.workOrders }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

function useStockMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => afterStockChange(queryClient) });
}

// ---- parts ----

/** The part picker's query: catalog parts matching code, name, barcode or compatible models. */
function partPickerQuery(search: string) {
  return {
    // Under the stock prefix, so every stock change refreshes the on-hand it shows.
    queryKey: queryKeys.partPicker(search),
    queryFn: () => invoke('parts.list', { search, page: 1, pageSize: 20 }),
    staleTime: 5_000,
  };
}

/** What the part picker shows for the text typed ~150 ms ago. */
export function usePartPicker(text: string) {
  const search = useDebounced(text.trim().slice(0, 60), 150);
  const query = useQuery({ ...partPickerQuery(search), placeholderData: keepPreviousData });
  return { query, search };
}

/** The picker's answer for exactly this text, now: a barcode scanner types and presses Enter at once. */
export function usePartSearchNow() {
  const queryClient = useQueryClient();
  return (text: string) => queryClient.fetchQuery(partPickerQuery(text.trim().slice(0, 60)));
}

export function usePartList(input: InputOf<'parts.list'>) {
  return useQuery({
    queryKey: queryKeys.partList(input),
    queryFn: () => invoke('parts.list', input),
    placeholderData: keepPreviousData,
  });
}

export function usePart(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.part(id ?? ''),
    queryFn: () => invoke('parts.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

/** Several parts by id (an alert's lines opened as a receipt). */
export function usePartsByIds(ids: string[]) {
  return useQuery({
    queryKey: queryKeys.partsByIds(ids),
    queryFn: () => Promise.all(ids.map((id) => invoke('parts.get', { id }))),
    enabled: ids.length > 0,
    staleTime: 0,
  });
}

export interface PartFacets {
  categories: string[];
  locations: string[];
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The categories and shelf locations in use, for filters, the part form and the count loader. */
export function usePartFacets() {
  return useQuery({
    queryKey: queryKeys.partFacets,
    queryFn: () => invoke('stock.valuation', { includeZero: true }),
    select: (v): PartFacets => ({
      categories: distinct(v.rows.map((r) => r.category)),
      locations: distinct(v.rows.map((r) => r.location)),
    }),
    staleTime: 60_000,
  });
}

export function useCreatePart() {
  return useStockMutation((input: InputOf<'parts.create'>) => invoke('parts.create', input));
}

/** The part as stored now, for an edit form refused as stale; the stock screens refresh too. */
export function useReloadPart(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    const [fresh] = await Promise.all([invoke('parts.get', { id }), afterStockChange(queryClient)]);
    return fresh;
  };
}

export function useUpdatePart() {
  return useStockMutation((input: InputOf<'parts.update'>) => invoke('parts.update', input));
}

export function useArchivePart() {
  return useStockMutation((id: string) => invoke('parts.archive', { id }));
}

export function useRestorePart() {
  return useStockMutation((id: string) => invoke('parts.restore', { id }));
}

/** 成本调整 (manager): a posted cost-adjustment document; the part, ledger and valuation refresh. */
export function useAdjustCost() {
  return useStockMutation((input: InputOf<'parts.adjustCost'>) => invoke('parts.adjustCost', input));
}

// ---- suppliers ----

export function useSuppliers(includeArchived = false) {
  return useQuery({
    queryKey: queryKeys.suppliers(includeArchived),
    queryFn: () => invoke('suppliers.list', { includeArchived }),
    staleTime: 30_000,
  });
}

export function useCreateSupplier() {
  return useStockMutation((input: InputOf<'suppliers.create'>) => invoke('suppliers.create', input));
}

/** The supplier as stored now (archived ones too), for an edit form refused as stale. */
export function useReloadSupplier(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    const [all] = await Promise.all([
      invoke('suppliers.list', { includeArchived: true }),
      afterStockChange(queryClient),
    ]);
    const fresh = all.find((s) => s.id === id);
    if (!fresh) throw new Error(`supplier ${id} is gone`);
    return fresh;
  };
}

export function useUpdateSupplier() {
  return useStockMutation((input: InputOf<'suppliers.update'>) => invoke('suppliers.update', input));
}

export function useArchiveSupplier() {
  return useStockMutation((id: string) => invoke('suppliers.archive', { id }));
}

// ---- documents and the ledger ----

export type StockDocumentRow = OutputOf<'stock.list'>['rows'][number];

export function useStockDocumentList(input: InputOf<'stock.list'>) {
  return useQuery({
    queryKey: queryKeys.stockDocumentList(input),
    queryFn: () => invoke('stock.list', input),
    placeholderData: keepPreviousData,
  });
}

export function useStockDocument(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.stockDocument(id ?? ''),
    queryFn: () => invoke('stock.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

export function usePostStock() {
  return useStockMutation((input: InputOf<'stock.post'>) => invoke('stock.post', input));
}

export function useAdjustStock() {
  return useStockMutation((input: InputOf<'stock.adjust'>) => invoke('stock.adjust', input));
}

export function useReverseStock() {
  return useStockMutation((input: InputOf<'stock.reverse'>) => invoke('stock.reverse', input));
}

export function useMovements(input: InputOf<'stock.movements'>, enabled = true) {
  return useQuery({
    queryKey: queryKeys.movements(input),
    queryFn: () => invoke('stock.movements', input),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ---- alerts and reports ----

/** Polled too, so the badge also follows what other users and work orders do. */
export function useStockAlerts(enabled = true) {
  return useQuery({
    queryKey: queryKeys.stockAlerts,
    queryFn: () => invoke('stock.alerts', {}),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useValuation(input: InputOf<'stock.valuation'>) {
  return useQuery({
    queryKey: queryKeys.valuation(input),
    queryFn: () => invoke('stock.valuation', input),
    placeholderData: keepPreviousData,
  });
}

/** The valued list read now, e.g. every part of a category to count. */
export function useFetchValuation() {
  const queryClient = useQueryClient();
  return (input: InputOf<'stock.valuation'>) =>
    queryClient.fetchQuery({
      queryKey: queryKeys.valuation(input),
      queryFn: () => invoke('stock.valuation', input),
      staleTime: 0,
    });
}

/** A stock document for its printed form, read fresh each time the form opens. */
export function useStockDocumentForPrint(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.stockDocumentForPrint(id),
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: () => invoke('stock.get', { id }),
  });
}

/** The whole valued list for the printed stock list, read fresh each time the form opens. */
export function useStockListForPrint(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.stockListForPrint,
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: () => invoke('stock.valuation', {}),
  });
}

export function useUsage(input: InputOf<'stock.usage'>) {
  return useQuery({
    queryKey: queryKeys.usage(input),
    queryFn: () => invoke('stock.usage', input),
    placeholderData: keepPreviousData,
  });
}
