/**
 * What kind of thing a device category holds, and so which extra fields its devices carry:
 * a vehicle has a plate, VIN, model year and the odometer at intake; an appliance an installation
 * address and date. The shop maps its categories to kinds in 设置 (counter.categoryKinds); a category
 * it has not mapped is general. This file is the one place the lookup lives.
 */
export const DEVICE_KINDS = ['general', 'vehicle', 'appliance'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The kinds of the default categories (汽车, 家电); the other defaults are general. */
export const DEFAULT_CATEGORY_KINDS: Readonly<Record<string, DeviceKind>> = {
  汽车: 'vehicle',
  家电: 'appliance',
};

/** The kind of a category under the shop's mapping. */
export function kindOfCategory(
  categoryKinds: Readonly<Record<string, DeviceKind>>,
  category: string,
): DeviceKind {
  return (Object.hasOwn(categoryKinds, category) ? categoryKinds[category] : undefined) ?? 'general';
}
