/** Excel in and out: parts and customers imported from .xlsx; catalog, stock and customers exported. */
export { importParts } from './importParts';
export { importCustomers } from './importCustomers';
export { partsTemplate, customersTemplate } from './templates';
export { exportParts, exportOnHand, exportMovements, exportCustomers } from './exports';
