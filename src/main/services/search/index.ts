import type { ParsedInputOf } from '@shared/contract';
import type { SearchResult } from '@shared/schemas/search';
import type { Queryable } from '../context';
import { deviceLabel } from '../workOrders/rows';
import { searchCustomers } from './customers';
import { searchDevices } from './devices';
import { searchOrders } from './orders';
import { orderSnippet, wordsPattern } from './snippet';
import { queryWords } from './text';

export { charLength, ftsPhrase, likeContains, phoneDigits, PREFIX_END } from './text';
export { orderRowidsFor } from './orders';

/**
 * The counter's one search box. Grouped customers / devices / work orders, exact matches first:
 * phone (whole, last 4+ digits, or leading digits), name (any Chinese substring; 2-character ones and
 * 3+ on the trigram index), pinyin initials (zs → 张三), customer code, serial / IMEI / VIN, brand,
 * model or category (from their first letter in any case: hp → HP; 3+ characters anywhere), order
 * number, and words of an order's fault or diagnosis (3+ characters, or 2 Chinese ones), shown
 * around the words found. A query that is exactly one order number (a scanner's input) sets
 * exactOrderId. Archived customers show, marked; merged ones never.
 */
export function searchGlobal(q: Queryable, input: ParsedInputOf<'search.global'>): SearchResult {
  const text = input.q;
  const words = queryWords(text);
  const customers = searchCustomers(q, text, input.limit);
  const devices = searchDevices(q, text, input.limit);
  const orders = searchOrders(q, text, words, input.limit, {
    customerIds: customers.strong.slice(0, 3),
    deviceIds: devices.strong.slice(0, 3),
  });
  const pattern = wordsPattern(words);
  return {
    customers: customers.hits.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      phone: c.phone,
      level: c.level,
      archived: c.archivedAt !== null,
    })),
    devices: devices.hits.map((d) => ({
      id: d.id,
      customerId: d.customerId,
      customerName: d.customerName,
      // A vehicle is known at the counter by its plate, and by its VIN where it has no serial.
      label: d.plateNo ? `${deviceLabel(d)} ${d.plateNo}` : deviceLabel(d),
      category: d.category,
      serialNo: d.serialNo || d.vin,
    })),
    workOrders: orders.hits.map((w) => ({
      id: w.id,
      orderNo: w.orderNo,
      status: w.status,
      customerName: w.customerName,
      deviceLabel: deviceLabel(w),
      snippet: orderSnippet(w.fault, w.diagnosis, pattern),
    })),
    exactOrderId: orders.exactOrderId,
  };
}
