export { REPORTS } from './reports';
export { dashboard } from './dashboard';
export { exportReport } from './export';
export { periodOf, pointKey } from './period';
