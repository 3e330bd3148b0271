/** Customers (客户档案): records, the duplicate-phone rule, archive and merge. */
export { createCustomer, updateCustomer, archiveCustomer, restoreCustomer } from './write';
export { listCustomers, getCustomer, checkPhone } from './read';
export { mergeCustomers } from './merge';
