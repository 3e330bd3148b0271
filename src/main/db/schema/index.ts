export * from './users';
export * from './settings';
export * from './audit';
export * from './sequences';
export * from './customers';
export * from './devices';
export * from './workOrders';
export * from './stock';
