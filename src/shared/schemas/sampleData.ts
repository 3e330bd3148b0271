import { z } from 'zod';
import { epochMs } from './common';

/**
 * 示例数据: set while the shop holds the demo shop built at first run (settings key `sampleData`),
 * cleared when it is removed. `categories` are the device categories it added to the counter's.
 */
export const sampleDataMarker = z.object({
  loadedAt: epochMs,
  importId: z.string(),
  categories: z.array(z.string()),
});
export type SampleDataMarker = z.infer<typeof sampleDataMarker>;
