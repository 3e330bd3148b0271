import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { OutputOf } from '@shared/contract';
import type { PeriodInput, ReportName } from '@shared/schemas/reports';
import { currentLanguage } from '../i18n';
import { invoke } from './client';
import { downloadXlsx } from './excel';

/**
 * Reports and the dashboard read what every other area writes, so they are never cached for long:
 * each screen asks again when it opens (staleTime 0) and the dashboard every minute.
 */
export const reportKeys = {
  dashboard: ['dashboard'] as const,
  report: (name: ReportName, period: PeriodInput) => ['reports', name, period] as const,
};

export function useDashboard() {
  return useQuery({
    queryKey: reportKeys.dashboard,
    queryFn: () => invoke('dashboard.get', {}),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

export type ReportOutput<N extends ReportName> = OutputOf<`reports.${N}`>;

const fetchers: { [N in ReportName]: (period: PeriodInput) => Promise<ReportOutput<N>> } = {
  volume: (p) => invoke('reports.volume', p),
  turnaround: (p) => invoke('reports.turnaround', p),
  quality: (p) => invoke('reports.quality', p),
  revenue: (p) => invoke('reports.revenue', p),
  warrantyClaims: (p) => invoke('reports.warrantyClaims', p),
  technicians: (p) => invoke('reports.technicians', p),
  parts: (p) => invoke('reports.parts', p),
};

/** One report, fetched now (print pages read fresh figures). */
export function fetchReport<N extends ReportName>(name: N, period: PeriodInput): Promise<ReportOutput<N>> {
  const fetcher: (period: PeriodInput) => Promise<ReportOutput<N>> = fetchers[name];
  return fetcher(period);
}

/** One report for one period; the last figures stay on screen while a new period loads. */
export function useReport<N extends ReportName>(name: N, period: PeriodInput) {
  return useQuery({
    queryKey: reportKeys.report(name, period),
    queryFn: () => fetchReport(name, period),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Download a report's table as .xlsx (headers in the UI language). */
export function useReportExport() {
  return useMutation({
    mutationFn: async (input: { report: ReportName; period: PeriodInput }) => {
      const file = await invoke('reports.export', { ...input, lang: currentLanguage() });
      downloadXlsx(file);
      return file;
    },
  });
}
