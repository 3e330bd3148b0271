import { asc, desc, eq } from 'drizzle-orm';
import { LABELS } from '@shared/labels';
import type { Language } from '@shared/languages';
import type { MessageValues } from '@shared/messageTemplates';
import { appointments, complaints, customerPhones, customers, devices, workOrders } from '../../db/schema';
import type { Queryable } from '../context';
import { readShop } from '../settings';

const DAY = 24 * 3600_000;

/** ¥1,234.50 from fen (integers all the way: no float ever rounds a price). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** The customer's first phone number ('' when none) and e-mail address. */
export function contactOf(q: Queryable, customerId: string): { phone: string; email: string } {
  const phone = q
    .select({ phone: customerPhones.phone })
    .from(customerPhones)
    .where(eq(customerPhones.customerId, customerId))
    .orderBy(asc(customerPhones.position))
    .limit(1)
    .get();
  const customer = q
    .select({ email: customers.email })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  return { phone: phone?.phone ?? '', email: customer?.email ?? '' };
}

export interface ValueSource {
  customerId: string;
  workOrderId: string | null;
  complaintId?: string | null;
  appointmentId?: string | null;
  now: number;
  language: Language;
}

/** Every variable this order, customer and complaint have a value for; the rest stay missing. */
export function valuesFor(q: Queryable, source: ValueSource): MessageValues {
  const values: MessageValues = {};
  const shop = readShop(q);
  if (shop) {
    values.店名 = shop.name;
    values.电话 = shop.phone;
    values.地址 = shop.address;
  }
  const customer = q
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, source.customerId))
    .get();
  if (customer) values.客户 = customer.name;
  if (source.workOrderId) {
    const order = q
      .select({
        orderNo: workOrders.orderNo,
        estimate: workOrders.estimate,
        readyAt: workOrders.readyAt,
        brand: devices.brand,
        model: devices.model,
        category: devices.category,
      })
      .from(workOrders)
      .innerJoin(devices, eq(devices.id, workOrders.deviceId))
      .where(eq(workOrders.id, source.workOrderId))
      .get();
    if (order) {
      values.工单号 = order.orderNo;
      values.设备 = [order.brand, order.model].filter(Boolean).join(' ') || order.category;
      if (order.estimate !== null) values.金额 = yuan(order.estimate);
      if (order.readyAt !== null) values.天数 = String(Math.floor((source.now - order.readyAt) / DAY));
    }
  }
  if (source.complaintId) {
    const complaint = q
      .select({ no: complaints.complaintNo, status: complaints.status })
      .from(complaints)
      .where(eq(complaints.id, source.complaintId))
      .get();
    if (complaint) {
      values.投诉单号 = complaint.no;
      values.投诉进度 = LABELS.complaintStatuses[source.language][complaint.status];
    }
  }
  if (source.appointmentId) {
    const booked = q
      .select({
        startAt: appointments.startAt,
        brand: devices.brand,
        model: devices.model,
        category: devices.category,
      })
      .from(appointments)
      .innerJoin(devices, eq(devices.id, appointments.deviceId))
      .where(eq(appointments.id, source.appointmentId))
      .get();
    if (booked) {
      values.预约时间 = appointmentTime(booked.startAt, source.language);
      values.设备 = [booked.brand, booked.model].filter(Boolean).join(' ') || booked.category;
    }
  }
  return values;
}

/** 12月5日 10:00 / Dec 5, 10:00, on the server's local clock. */
export function appointmentTime(at: number, language: Language): string {
  const d = new Date(at);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (language === 'zh-CN') return `${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getMonth()
  ];
  return `${month} ${d.getDate()}, ${time}`;
}

/** What the preview shows when the shop has no order yet (or none by that number). */
export function sampleValues(q: Queryable, language: Language): MessageValues {
  const shop = readShop(q);
  const zh = language === 'zh-CN';
  return {
    客户: zh ? '张三' : 'Alex Chen',
    工单号: `${shop?.branchCode ?? 'BJ01'}-20261122-0007`,
    设备: 'Apple iPhone 13',
    金额: yuan(35000),
    店名: shop?.name ?? '',
    电话: shop?.phone ?? '',
    地址: shop?.address ?? '',
    天数: '7',
    投诉单号: 'TS-20261122-0001',
    投诉进度: LABELS.complaintStatuses[language].inProgress,
    预约时间: zh ? '12月5日 10:00' : 'Dec 5, 10:00',
  };
}

/** The preview's values: the order by its number, else the newest order, else the sample. */
export function previewValuesFor(
  q: Queryable,
  orderNo: string,
  now: number,
  language: Language,
): { orderNo: string | null; values: MessageValues } {
  const pick = q
    .select({ id: workOrders.id, orderNo: workOrders.orderNo, customerId: workOrders.customerId })
    .from(workOrders);
  const order = orderNo
    ? pick.where(eq(workOrders.orderNo, orderNo)).get()
    : pick.orderBy(desc(workOrders.createdAt)).limit(1).get();
  if (!order) return { orderNo: null, values: sampleValues(q, language) };
  const values = valuesFor(q, { customerId: order.customerId, workOrderId: order.id, now, language });
  return { orderNo: order.orderNo, values };
}
