import { z } from 'zod';

export const shopName = z.string().trim().min(1).max(60);
/** Prefix of document numbers such as BJ01-20261122-0007. */
export const branchCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,8}$/, '2–8 letters or digits');

/** A small PNG/JPEG/WebP as a data URL; kept in the database so backups carry it. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const logoDataUrl = z
  .string()
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'PNG, JPEG or WebP image')
  .refine(
    (s) => Math.floor(((s.length - s.indexOf(',') - 1) * 3) / 4) <= MAX_LOGO_BYTES,
    'image larger than 256 KB',
  );

export const shopProfile = z
  .object({
    name: shopName,
    branchCode,
    address: z.string().trim().max(120).default(''),
    phone: z.string().trim().max(40).default(''),
    logo: logoDataUrl.nullable().default(null),
  })
  .strict();
export type ShopProfile = z.infer<typeof shopProfile>;

export const securitySettings = z
  .object({
    /** Lock the screen after this many idle minutes; 0 turns the lock off. */
    idleLockMinutes: z.int().min(0).max(240).default(10),
  })
  .strict();
export type SecuritySettings = z.infer<typeof securitySettings>;

export const settingsView = z.object({ shop: shopProfile, security: securitySettings });
export type SettingsView = z.infer<typeof settingsView>;

export const updateSettingsInput = z
  .object({ shop: shopProfile.optional(), security: securitySettings.optional() })
  .strict();
