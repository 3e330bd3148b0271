import type { PeriodInput, ReportName } from '@shared/schemas/reports';
import type { OutputOf } from '@shared/contract';
import type { Db } from '../../db/open';
import { partsReport } from './parts';
import { byCategoryReport } from './byCategory';
import { qualityReport } from './quality';
import { serviceQualityReport } from './serviceQuality';
import { revenueReport } from './revenue';
import { technicianReport } from './technicians';
import { turnaroundReport } from './turnaround';
import { volumeReport } from './volume';
import { warrantyClaimsReport } from './warrantyClaims';

/** Every report by its name in the contract (`reports.<name>`). */
export const REPORTS: { [N in ReportName]: (q: Db, input: PeriodInput) => OutputOf<`reports.${N}`> } = {
  volume: volumeReport,
  turnaround: turnaroundReport,
  quality: qualityReport,
  revenue: revenueReport,
  warrantyClaims: warrantyClaimsReport,
  technicians: technicianReport,
  parts: partsReport,
  serviceQuality: serviceQualityReport,
  byCategory: byCategoryReport,
};
