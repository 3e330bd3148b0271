import { keepPreviousData, useMutation, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { OutputOf } from '@shared/contract';
import type { PrintForm } from '@shared/schemas/prints';
import type {
  PeriodInput,
  QualityReport,
  ReportName,
  RevenueReport,
  TechnicianReport,
  TurnaroundReport,
  VolumeReport,
} from '@shared/schemas/reports';
import { currentLanguage } from '../i18n';
import { invoke } from './client';
import { downloadXlsx } from './excel';
import { queryKeys } from './keys';

/**
 * Reports and the dashboard read what every other area writes, so they are never cached for long:
 * each screen asks again when it opens (staleTime 0) and the dashboard every minute.
 */
export function useDashboard() {
  return useQuery({
    queryKey: queryKeys.dashboard,
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
  serviceQuality: (p) => invoke('reports.serviceQuality', p),
  byCategory: (p) => invoke('reports.byCategory', p),
};

/** One report, fetched now. */
function fetchReport<N extends ReportName>(name: N, period: PeriodInput): Promise<ReportOutput<N>> {
  const fetcher: (period: PeriodInput) => Promise<ReportOutput<N>> = fetchers[name];
  return fetcher(period);
}

/**
 * One report for one period; the last figures stay on screen while a new period loads. The return
 * type is written out: the contract has grown past what the compiler infers for every report.
 */
export function useReport<N extends ReportName>(
  name: N,
  period: PeriodInput,
): UseQueryResult<ReportOutput<N>> {
  return useQuery({
    queryKey: queryKeys.report(name, period),
    queryFn: () => fetchReport(name, period),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** What the printed summary shows: five reports of one period. */
export interface SummaryData {
  volume: VolumeReport;
  turnaround: TurnaroundReport;
  quality: QualityReport;
  revenue: RevenueReport;
  technicians: TechnicianReport;
}

export type ReportPrintForm = Extract<
  PrintForm,
  'reportSummary' | 'reportTechnicians' | 'reportWarranty' | 'reportServiceQuality'
>;

/** Everything a printed report form shows, read fresh each time it opens. */
export function useReportForPrint(form: ReportPrintForm, period: PeriodInput | null) {
  return useQuery({
    queryKey: queryKeys.reportForPrint(form, period),
    enabled: period !== null,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      if (!period) throw new Error('no period');
      if (form === 'reportServiceQuality') {
        const [serviceQuality, byCategory] = await Promise.all([
          fetchReport('serviceQuality', period),
          fetchReport('byCategory', period),
        ]);
        return { form, serviceQuality, byCategory } as const;
      }
      if (form === 'reportWarranty')
        return { form, warranty: await fetchReport('warrantyClaims', period) } as const;
      if (form === 'reportTechnicians') {
        const [technicians, turnaround] = await Promise.all([
          fetchReport('technicians', period),
          fetchReport('turnaround', period),
        ]);
        return { form, technicians, turnaround } as const;
      }
      const [volume, turnaround, quality, revenue, technicians] = await Promise.all([
        fetchReport('volume', period),
        fetchReport('turnaround', period),
        fetchReport('quality', period),
        fetchReport('revenue', period),
        fetchReport('technicians', period),
      ]);
      const summary: SummaryData = { volume, turnaround, quality, revenue, technicians };
      return { form, summary } as const;
    },
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
