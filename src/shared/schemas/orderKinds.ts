/** How a request came and what kind of job it is: read by work orders, settings and reports. */
export const CHANNELS = ['walkIn', 'phone', 'onsite', 'online'] as const;
export const SERVICE_TYPES = [
  'repair',
  'maintenance',
  'installation',
  'inspection',
  'returnExchange',
] as const;
