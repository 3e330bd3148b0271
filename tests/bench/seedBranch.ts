import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../../src/main/db/open';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../src/shared/workOrderStatus';
import type { EventData } from '../../src/shared/schemas/workOrders';
import { rng } from '../../src/main/services/seededRandom';
import { diagnosisText, faultText } from './seedFaults';

export { rng };

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文斌宇浩然子涵欣怡梓轩思雨晨阳佳琪俊杰雅婷博文';
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '176',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
];
const DEVICES: [string, string, string[]][] = [
  ['手机', '华为', ['Mate 60', 'P60', 'nova 12', 'Mate X5']],
  ['手机', '小米', ['14 Pro', 'Redmi K70', 'Redmi Note 13']],
  ['手机', '苹果', ['iPhone 13', 'iPhone 14 Pro', 'iPhone 15']],
  ['手机', 'OPPO', ['Find X7', 'Reno 11']],
  ['电脑', '联想', ['ThinkPad X1', '小新 Pro 14', '拯救者 Y9000P']],
  ['电脑', '戴尔', ['XPS 13', 'Inspiron 15']],
  ['电脑', 'HP', ['EliteBook 840', 'Pavilion 15', 'ProBook 450']],
  ['平板', '苹果', ['iPad Air', 'iPad Pro 11']],
  ['家电', '美的', ['变频空调 KFR-35', '洗衣机 MG100']],
  ['家电', '海尔', ['冰箱 BCD-470', '热水器 EC6002']],
  ['家电', 'LG', ['OLED55C3', '洗衣机 FG10']],
  ['汽车', '比亚迪', ['秦 PLUS', '汉 EV']],
];
const CHANNELS = ['walkIn', 'walkIn', 'walkIn', 'phone', 'onsite', 'online'] as const;
const SERVICES = [
  'repair',
  'repair',
  'repair',
  'maintenance',
  'installation',
  'inspection',
  'returnExchange',
] as const;
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;

export interface BranchSize {
  customers: number;
  devices: number;
  workOrders: number;
  /** How far back the history goes (two years unless given): customers, devices and orders spread over it. */
  historyDays?: number;
}

export interface SeededBranch {
  technicianIds: string[];
  sample: {
    phones: string[];
    names: string[];
    serials: string[];
    orderNos: string[];
    customerIds: string[];
    deviceIds: string[];
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/**
 * Seed a large branch straight through SQL (the services would take an hour at this size).
 * `initials` is the app's own pinyin-initials function, so search sees what the app would store.
 */
export function seedBranch(
  sqlite: Sqlite,
  size: BranchSize,
  opts: { now: number; adminId: string; technicianIds: string[]; initials: (name: string) => string },
): SeededBranch {
  const r = rng(20261123);
  const day = 24 * 3600_000;
  const history = size.historyDays ?? 730;
  const sample: SeededBranch['sample'] = {
    phones: [],
    names: [],
    serials: [],
    orderNos: [],
    customerIds: [],
    deviceIds: [],
  };
  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (id, code, name, initials, type, level, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'individual', ?, ?, ?)`,
  );
  const insertPhone = sqlite.prepare(
    'INSERT INTO customer_phones (id, customer_id, phone, phone_reversed, label, position) VALUES (?, ?, ?, ?, ?, 0)',
  );
  const insertDevice = sqlite.prepare(
    `INSERT INTO devices (id, customer_id, category, brand, model, serial_no, purchase_date, warranty_end, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = sqlite.prepare(
    `INSERT INTO work_orders (id, order_no, customer_id, device_id, status, channel, service_type, priority, reported_fault,
       diagnosis, warranty_status, warranty_computed, promised_at, technician_id, created_by, ready_at, delivered_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO work_order_events (id, work_order_id, at, user_id, username, kind, to_status, note, data)
     VALUES (?, ?, ?, ?, 'seed', 'created', 'received', '', ?)`,
  );

  const customerIds: string[] = [];
  const deviceOwners: [string, string, string][] = [];
  const batch = (count: number, each: (i: number) => void) => {
    for (let start = 0; start < count; start += 10_000) {
      sqlite.transaction(() => {
        for (let i = start; i < Math.min(count, start + 10_000); i++) each(i);
      })();
    }
  };

  batch(size.customers, (i) => {
    const id = uuidv7();
    const name = pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.6 ? pick(r, [...GIVEN]) : '');
    const phone = pick(r, MOBILE_PREFIXES) + String(Math.floor(r() * 1e8)).padStart(8, '0');
    const created = opts.now - Math.floor(r() * history * day);
    insertCustomer.run(
      id,
      `KH${String(i + 1).padStart(6, '0')}`,
      name,
      opts.initials(name),
      r() < 0.1 ? 'VIP' : '普通',
      created,
      created,
    );
    insertPhone.run(uuidv7(), id, phone, [...phone].reverse().join(''), '手机');
    customerIds.push(id);
    if (i % 997 === 0) {
      sample.phones.push(phone);
      sample.names.push(name);
      sample.customerIds.push(id);
    }
  });

  batch(size.devices, (i) => {
    const id = uuidv7();
    const owner = customerIds[i < customerIds.length ? i : Math.floor(r() * customerIds.length)] as string;
    const [category, brand, models] = pick(r, DEVICES);
    const serial = `SN${brand.length}${String(Math.floor(r() * 1e10)).padStart(10, '0')}`;
    const purchased = new Date(opts.now - Math.floor(r() * (history + 370) * day)).toISOString().slice(0, 10);
    const end = new Date(Date.parse(purchased) + 365 * day).toISOString().slice(0, 10);
    const created = opts.now - Math.floor(r() * (history - 30) * day);
    insertDevice.run(id, owner, category, brand, pick(r, models), serial, purchased, end, created, created);
    deviceOwners.push([id, owner, category]);
    if (i % 1499 === 0) {
      sample.serials.push(serial);
      sample.deviceIds.push(id);
    }
  });

  // Most orders are old and closed; the last weeks hold the open ones, as in a real shop.
  // Texts draw from their own stream, so the rest of the branch is the same as before they were added.
  const texts = rng(20261124);
  const perDay = new Map<string, number>();
  batch(size.workOrders, (i) => {
    const id = uuidv7();
    const [deviceId, customerId, category] = deviceOwners[Math.floor(r() * deviceOwners.length)] as [
      string,
      string,
      string,
    ];
    // Two days' margin keeps seeded numbers clear of today's sequence in any time zone.
    const created = opts.now - 2 * day - Math.floor(Math.pow(r(), 1.3) * history * day);
    const ageDays = (opts.now - created) / day;
    const status: WorkOrderStatus =
      ageDays > 30 ? (r() < 0.92 ? 'delivered' : 'cancelled') : pick(r, WORK_ORDER_STATUSES);
    const date = new Date(created).toISOString().slice(0, 10).replaceAll('-', '');
    const seq = (perDay.get(date) ?? 0) + 1;
    perDay.set(date, seq);
    const orderNo = `BJ01-${date}-${String(seq).padStart(4, '0')}`;
    const warranty = r() < 0.3 ? 'in' : r() < 0.05 ? 'repair' : 'out';
    const tech = r() < 0.9 ? pick(r, opts.technicianIds) : null;
    const ready = status === 'ready' || status === 'delivered' ? created + Math.floor(r() * 5 * day) : null;
    const delivered = status === 'delivered' ? (ready ?? created) + Math.floor(r() * 3 * day) : null;
    insertOrder.run(
      id,
      orderNo,
      customerId,
      deviceId,
      status,
      pick(r, CHANNELS),
      pick(r, SERVICES),
      pick(r, PRIORITIES),
      faultText(texts, category),
      diagnosisText(texts, status !== 'received' && status !== 'diagnosing'),
      warranty,
      warranty,
      created + 72 * 3600_000,
      tech,
      opts.adminId,
      ready,
      delivered,
      created,
      delivered ?? created,
    );
    // What an intake records (the timeline reads every event with the schema its writers meet).
    const intake = {
      orderNo,
      warrantyComputed: warranty,
      technicianId: tech,
      reworkOfId: null,
      promisedAt: created + 72 * 3600_000,
      estimate: null,
    } satisfies EventData<'created'>;
    insertEvent.run(uuidv7(), id, created, opts.adminId, JSON.stringify(intake));
    if (i % 2999 === 0) sample.orderNos.push(orderNo);
  });
  // Keep today's numbering ahead of the seeded orders.
  sqlite.prepare("INSERT OR REPLACE INTO sequences (name, value) VALUES ('customer', ?)").run(size.customers);
  return { technicianIds: opts.technicianIds, sample };
}
