import { z } from 'zod';
import { billingSettings } from './billing';
import { COMPLAINT_SEVERITIES, type ComplaintSeverity } from './complaintKinds';
import { SERVICE_TYPES } from './orderKinds';
import { handoverSettings } from './handover';
import { DEFAULT_CATEGORY_KINDS, DEVICE_KINDS } from '../deviceKinds';
import { appointmentSettings } from './appointments';

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

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const label = z.string().trim().min(1).max(20);

export const LABEL_SIZES = ['50x30', '40x30'] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];

/** How the counter works: lists the shop can change, promised-date SLAs, warranty rules, printing. */
export const counterSettings = z
  .object({
    customerLevels: z.array(label).min(1).max(20).default(['普通', 'VIP']),
    deviceCategories: z.array(label).min(1).max(50).default(['手机', '电脑', '平板', '家电', '汽车', '其他']),
    /** The kind of each category (vehicle / appliance fields); a category not listed is general. */
    categoryKinds: z.record(label, z.enum(DEVICE_KINDS)).default({ ...DEFAULT_CATEGORY_KINDS }),
    /** Hours from intake to the promised date, per priority. */
    slaHours: z
      .object({
        low: z
          .int()
          .min(1)
          .max(24 * 90),
        normal: z
          .int()
          .min(1)
          .max(24 * 90),
        high: z
          .int()
          .min(1)
          .max(24 * 90),
        urgent: z
          .int()
          .min(1)
          .max(24 * 90),
      })
      .strict()
      .default({ low: 120, normal: 72, high: 24, urgent: 4 }),
    /** Days after delivery during which a return of the same device is a warranty rework. */
    repairWarrantyDays: z.int().min(0).max(365).default(90),
    /** Days an order may wait ready for pickup (待取机) before the dashboard lists it as overdue. */
    pickupWaitDays: z.int().min(1).max(90).default(7),
    /** 设备标签 paper: the label printer's roll, 50 × 30 mm or 40 × 30 mm. */
    labelSize: z.enum(LABEL_SIZES).default('50x30'),
    /** Intake receipt copies: 1 (customer) or 2 (customer + shop stub). */
    intakeCopies: z.union([z.literal(1), z.literal(2)]).default(2),
    /** Printed at the foot of the intake receipt. */
    terms: z
      .string()
      .max(1000)
      .default(
        '1. 请凭本单取机，遗失请携带身份证件办理。\n2. 设备内数据请自行备份，维修过程中数据丢失本店不承担责任。\n3. 维修完成通知后 90 天未取机的，本店按相关规定处理。\n4. 非本店维修造成的损坏不在保修范围内。',
      ),
  })
  .strict();
export type CounterSettings = z.infer<typeof counterSettings>;

const followUpDays = z.int().min(0).max(365);
const deadlineHours = z
  .int()
  .min(1)
  .max(24 * 90);
const complaintDeadline = z.object({ firstResponse: deadlineHours, resolution: deadlineHours }).strict();

/** 售后: follow-up calls after delivery and the complaint deadlines. */
export const afterSalesSettings = z
  .object({
    /** Days after delivery a follow-up call is due, per service type; 0 = no follow-up for that type. */
    followUpDays: z
      .object(
        Object.fromEntries(SERVICE_TYPES.map((t) => [t, followUpDays])) as Record<
          (typeof SERVICE_TYPES)[number],
          typeof followUpDays
        >,
      )
      .strict()
      .default({ repair: 3, maintenance: 7, installation: 3, inspection: 0, returnExchange: 0 }),
    /** Calls tried before a customer who does not answer is given up on (未接通). */
    followUpMaxAttempts: z.int().min(1).max(10).default(3),
    /** Days until the next try after a call that did not reach the customer. */
    followUpRetryDays: z.int().min(1).max(30).default(1),
    /** 保修到期提醒: devices whose maker's warranty ends within this many days are on the call list. */
    warrantyReminderDays: z.int().min(1).max(365).default(30),
    /** Hours to the first response and to the resolution, per severity, from the complaint's intake. */
    complaintHours: z
      .object(
        Object.fromEntries(COMPLAINT_SEVERITIES.map((s) => [s, complaintDeadline])) as Record<
          ComplaintSeverity,
          typeof complaintDeadline
        >,
      )
      .strict()
      .refine((h) => COMPLAINT_SEVERITIES.every((s) => h[s].firstResponse <= h[s].resolution), {
        message: 'first response after resolution',
      })
      .default({
        minor: { firstResponse: 24, resolution: 168 },
        major: { firstResponse: 8, resolution: 72 },
        critical: { firstResponse: 2, resolution: 24 },
      }),
  })
  .strict();
export type AfterSalesSettings = z.infer<typeof afterSalesSettings>;

export const settingsView = z.object({
  shop: shopProfile,
  security: securitySettings,
  counter: counterSettings,
  billing: billingSettings,
  afterSales: afterSalesSettings,
  handover: handoverSettings,
  appointments: appointmentSettings,
});
export type SettingsView = z.infer<typeof settingsView>;

export const updateSettingsInput = z
  .object({
    shop: shopProfile.optional(),
    security: securitySettings.optional(),
    counter: counterSettings.optional(),
    billing: billingSettings.optional(),
    afterSales: afterSalesSettings.optional(),
    handover: handoverSettings.optional(),
    appointments: appointmentSettings.optional(),
  })
  .strict();
