import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderEvent } from '@shared/schemas/workOrders';
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN';
import { WorkOrderTimeline } from '../../../src/renderer/src/pages/workOrders/Timeline';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const SETTLEMENT = {
  settlementId: '01a23b0b-419f-7397-a2ac-678f6d2fa311',
  settlementNo: 'JS-BJ01-20261123-0001',
};
let n = 0;
/** What every entry carries besides its kind and data. */
function base() {
  n += 1;
  return {
    id: `01a23b0b-0000-7000-8000-${String(n).padStart(12, '0')}`,
    at: Date.UTC(2026, 10, 23, 2, 0, n),
    username: 'clerk1',
    terminalName: null,
    fromStatus: null,
    toStatus: null,
    note: '',
  };
}

/** The words of one entry as a person reads them on the order's page. */
function words(e: WorkOrderEvent): string {
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(WorkOrderTimeline, { events: [e] })),
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the timeline', () => {
  it('words the entries an earlier version stored: an intake without the estimate, an approval without its amount', () => {
    const intake = words({
      ...base(),
      kind: 'created',
      toStatus: 'received',
      data: {
        orderNo: 'BJ01-20261101-0001',
        warrantyComputed: 'out',
        technicianId: null,
        reworkOfId: null,
        promisedAt: Date.UTC(2026, 10, 4),
      },
    });
    expect(intake).toContain('接单，工单号 BJ01-20261101-0001');
    expect(intake).toContain('保修判定：保外');
    expect(intake).not.toContain('接机预估');
    const approved = words({
      ...base(),
      kind: 'status',
      fromStatus: 'quoted',
      toStatus: 'inRepair',
      data: { approval: { by: '张三', method: 'written' } },
    });
    expect(approved).toContain('待确认 → 维修中');
    expect(approved).toContain('客户确认：张三（书面签字）');
    expect(approved).not.toContain('¥');
    const withAmount = words({
      ...base(),
      kind: 'status',
      fromStatus: 'quoted',
      toStatus: 'inRepair',
      data: { approval: { by: '张三', method: 'phone', amount: 76_000 } },
    });
    expect(withAmount).toContain('客户确认：张三（电话确认） · ¥760.00');
  });

  it('words a settlement in full for the clerk and in brief for a technician, the same event', () => {
    const pay = {
      action: 'pay' as const,
      ...SETTLEMENT,
      paymentId: '01a23b0b-41b7-70fa-bb18-d3f1246011db',
      method: 'cash' as const,
      amount: 20_000,
      tendered: 20_500,
      change: 500,
      paid: 20_000,
      paymentStatus: 'partlyPaid' as const,
    };
    const full = words({ ...base(), kind: 'settlement', data: pay });
    expect(full).toContain('收款 ¥200.00（现金）· JS-BJ01-20261123-0001');
    expect(full).toContain('实收 ¥205.00，找零 ¥5.00');
    expect(full).toContain('收款状态：部分收款');
    const brief = words({ ...base(), kind: 'settlement', data: { action: 'pay', ...SETTLEMENT } });
    expect(brief).toContain('收款 · JS-BJ01-20261123-0001');
    expect(brief).not.toContain('¥');
    for (const [action, text] of [
      ['create', '生成结算单 JS-BJ01-20261123-0001'],
      ['refund', '退款 · JS-BJ01-20261123-0001'],
      ['void', '作废结算单 JS-BJ01-20261123-0001'],
    ] as const) {
      const said = words({
        ...base(),
        kind: 'settlement',
        note: '客户不修了',
        data: { action, ...SETTLEMENT },
      });
      expect(said).toContain(text);
      expect(said).not.toContain('¥');
    }
  });

  it('names the fields of an edit as the forms name them, and never shows the device password', () => {
    const edit = words({
      ...base(),
      kind: 'edit',
      data: {
        fields: ['priority', 'accessories', 'devicePassword'],
        before: { priority: 'normal', accessories: [] },
        after: { priority: 'urgent', accessories: ['charger'] },
        devicePasswordChanged: true,
      },
    });
    const f = zhCN.fieldNames;
    expect(edit).toContain(`修改了 ${f.priority}、${f.accessories}、${f.devicePassword}`);
    expect(edit).toContain(`${f.priority}：${zhCN.priorities.normal} → ${zhCN.priorities.urgent}`);
    expect(edit).toContain(`${f.accessories}：${zhCN.common.none} → ${zhCN.accessories.charger}`);
    expect(edit).not.toContain(`${f.devicePassword}：`);
  });
});
