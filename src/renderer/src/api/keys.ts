import type { AuditListInput } from '@shared/schemas/audit';
import type { InputOf } from '@shared/contract';
import type { ListWorkOrdersInput } from '@shared/schemas/workOrders';

/** Every TanStack Query key the renderer uses, so invalidations name the same arrays. */
export const queryKeys = {
  authState: ['auth', 'state'] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
  auditList: (input: AuditListInput) => ['audit', 'list', input] as const,
  auditFacets: ['audit', 'facets'] as const,
  settings: ['settings'] as const,

  /** Customers and their devices: one prefix, since a device change shows on its customer's page. */
  customers: ['customers'] as const,
  customerList: (input: InputOf<'customers.list'>) => ['customers', 'list', input] as const,
  customer: (id: string) => ['customers', 'get', id] as const,
  checkPhone: (phone: string, exceptId: string | undefined) =>
    ['customers', 'checkPhone', phone, exceptId ?? null] as const,
  device: (id: string) => ['customers', 'device', id] as const,

  workOrders: ['workOrders'] as const,
  workOrderList: (input: ListWorkOrdersInput) => ['workOrders', 'list', input] as const,
  workOrder: (id: string) => ['workOrders', 'get', id] as const,
  technicians: ['workOrders', 'technicians'] as const,
  /** Attachments never change once stored: their own prefix, left alone by order invalidations. */
  attachment: (id: string) => ['attachments', id] as const,

  search: (q: string) => ['search', q] as const,
};
