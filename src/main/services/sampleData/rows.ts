/**
 * The demo shop's history file, built from the Open Repair slice: one history-template row per real
 * record (its category, brand, outcome and the visitor's own words), with the date moved so the
 * last record falls two days before today, and an invented customer, technician, fee and payment.
 * Pure and deterministic: the same slice and day give the same file.
 */
import dayjs from 'dayjs';
import type { HistoryField } from '@shared/schemas/history';
import type { Outcome } from '@shared/workOrderStatus';
import { HISTORY_COLUMNS } from '../history/columns';
import { rngOf } from '../seededRandom';

export interface SliceRecord {
  id: string;
  product_category: string;
  brand: string;
  repair_status: string;
  event_date: string;
  problem: string;
}

export const SAMPLE_FILE_NAME = '示例数据 · Open Repair Data (CC BY-SA 4.0).csv';

/** Open Repair's 40 product categories → the shop's categories (five of the defaults and four more). */
const CATEGORY_OF: Record<string, string> = {
  Laptop: '电脑',
  'Desktop computer': '电脑',
  'PC accessory': '电脑',
  'Printer/scanner': '电脑',
  Mobile: '手机',
  Tablet: '平板',
  'Handheld entertainment device': '平板',
  'Large home electrical': '家电',
  'Aircon/dehumidifier': '家电',
  'Small kitchen item': '小家电',
  'Food processor': '小家电',
  Toaster: '小家电',
  'Coffee maker': '小家电',
  Kettle: '小家电',
  Iron: '小家电',
  Vacuum: '小家电',
  Fan: '小家电',
  'Hair & beauty item': '小家电',
  'Hair dryer': '小家电',
  'Small home electrical': '小家电',
  'Sewing machine': '小家电',
  'Paper shredder': '小家电',
  'Portable radio': '影音',
  'Hi-Fi separates': '影音',
  'Hi-Fi integrated': '影音',
  Headphones: '影音',
  'Flat screen': '影音',
  'TV and gaming-related accessories': '影音',
  'Games console': '影音',
  Projector: '影音',
  'Digital compact camera': '影音',
  'DSLR/video camera': '影音',
  Lamp: '灯具',
  'Decorative or safety lights': '灯具',
  'Power tool': '电动工具',
};
export const sampleCategory = (openRepair: string): string => CATEGORY_OF[openRepair] ?? '其他';

/** Fixed = repaired; Repairable = the visitor took it away unrepaired that day; End of life = could not be. */
const OUTCOME_OF: Record<string, Outcome> = {
  Fixed: 'repaired',
  Repairable: 'declined',
  'End of life': 'unrepairable',
};

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
  '志强',
  '丹',
  '鑫',
  '宇',
  '欣怡',
];
const TECHNICIANS = ['周师傅', '吴师傅', '郑师傅'];
const CUSTOMERS = 320;
/** Labor in yuan for a repair, by category (a choice of three). */
const LABOR: Record<string, readonly number[]> = {
  电脑: [120, 180, 260],
  手机: [80, 120, 180],
  平板: [90, 140, 200],
  家电: [150, 220, 300],
  影音: [60, 90, 140],
  小家电: [30, 50, 80],
  灯具: [20, 30, 50],
  电动工具: [50, 80, 120],
  其他: [30, 60, 90],
};
const PARTS = [15, 25, 45, 60, 90, 180];

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

function customer(index: number): { name: string; phone: string } {
  const random = rngOf(`customer-${index}`);
  const digits = Array.from({ length: 8 }, () => Math.floor(random() * 10)).join('');
  return {
    name: `${pick(random, SURNAMES)}${pick(random, GIVEN)}`,
    phone: `1${pick(random, ['38', '39', '58', '59', '86', '88', '37', '35'])}${digits}`,
  };
}

/** The slice as resources/sample/openrepair-sample.json holds it: a header of columns and rows of text. */
export interface SliceFile {
  columns: string[];
  rows: string[][];
}

const SLICE_COLUMNS = ['id', 'product_category', 'brand', 'repair_status', 'event_date', 'problem'] as const;

export function readSlice(file: SliceFile): SliceRecord[] {
  const missing = SLICE_COLUMNS.find((c) => !file.columns.includes(c));
  if (missing) throw new Error(`the sample slice has no column ${missing}`);
  const cell = (row: string[], name: keyof SliceRecord) => row[file.columns.indexOf(name)] ?? '';
  return file.rows.map((row) => ({
    id: cell(row, 'id'),
    product_category: cell(row, 'product_category'),
    brand: cell(row, 'brand'),
    repair_status: cell(row, 'repair_status'),
    event_date: cell(row, 'event_date'),
    problem: cell(row, 'problem'),
  }));
}

const stamp = (at: dayjs.Dayjs) => at.format('YYYY-MM-DD HH:mm');
const yuan = (n: number) => (n === 0 ? '' : n.toFixed(2));

/** The history file (CSV text) and the shop categories it needs. */
export function sampleHistoryCsv(
  records: readonly SliceRecord[],
  now: number,
): { csv: string; categories: string[] } {
  const latest = records.reduce((max, r) => (r.event_date > max ? r.event_date : max), '');
  const today = dayjs(now).startOf('day');
  const shift = today.subtract(2, 'day').diff(dayjs(latest), 'day');
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [HISTORY_COLUMNS.map((c) => c.zh)];
  const categories = new Set<string>();
  for (const r of records) {
    const random = rngOf(r.id);
    const category = sampleCategory(r.product_category);
    categories.add(category);
    const outcome = OUTCOME_OF[r.repair_status] ?? 'declined';
    const received = dayjs(r.event_date)
      .add(shift, 'day')
      .hour(9 + Math.floor(random() * 8))
      .minute(Math.floor(random() * 60));
    // Handed back the same day up to a week later, never after now.
    let delivered = received.add(Math.floor(random() * 8), 'day').add(Math.floor(random() * 5), 'hour');
    if (delivered.valueOf() > now) delivered = received.add(1, 'hour');
    const repaired = outcome === 'repaired';
    const labor = repaired ? pick(random, LABOR[category] ?? LABOR['其他'] ?? [50]) : random() < 0.5 ? 20 : 0;
    const parts = repaired && random() < 0.4 ? pick(random, PARTS) : 0;
    const paid = labor + parts;
    const method = pick(random, ['wechat', 'wechat', 'wechat', 'alipay', 'alipay', 'cash', 'cash', 'card']);
    const who = customer(Math.floor(random() * CUSTOMERS));
    const row: Record<HistoryField, string> = {
      sourceNo: r.id,
      customerName: who.name,
      customerPhone: who.phone,
      category,
      brand: r.brand === 'Unknown' ? '' : r.brand,
      model: '',
      serialNo: '',
      warrantyEnd: repaired ? delivered.add(90, 'day').format('YYYY-MM-DD') : '',
      receivedAt: stamp(received),
      deliveredAt: stamp(delivered),
      outcome,
      technician: pick(random, TECHNICIANS),
      reportedFault: r.problem,
      diagnosis: '',
      laborAmount: yuan(labor),
      partsAmount: yuan(parts),
      paidAmount: yuan(paid),
      paymentMethod: paid > 0 ? method : '',
      paidAt: paid > 0 ? stamp(delivered) : '',
    };
    lines.push(HISTORY_COLUMNS.map((c) => row[c.key]));
  }
  return { csv: lines.map((l) => `${l.map(quote).join(',')}\r\n`).join(''), categories: [...categories] };
}
