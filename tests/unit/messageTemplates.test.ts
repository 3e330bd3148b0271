import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  MESSAGE_VARIABLES,
  MISSING_MARK,
  renderTemplate,
  smsLength,
  smsSegments,
  unknownVariables,
  type MessageValues,
} from '@shared/messageTemplates';
import { LANGUAGES } from '@shared/languages';
import { MESSAGE_EVENTS } from '@shared/schemas/messageKinds';
import { messageSettings } from '@shared/schemas/messages';
import { quietUntil } from '../../src/main/services/messages/quietHours';
import { backoffMs, BACKOFF_CAP_MS } from '../../src/main/services/messages/worker';

const ALL: Required<MessageValues> = {
  客户: '张三',
  工单号: 'BJ01-20261122-0007',
  设备: 'Apple iPhone 13',
  金额: '¥350.00',
  店名: '城东维修中心',
  电话: '010-88886666',
  地址: '朝阳路 1 号',
  天数: '7',
  投诉单号: 'TS-20261122-0001',
  投诉进度: '处理中',
  预约时间: '12月5日 10:00',
};

describe('rendering', () => {
  it('fills every variable by its Chinese name and by its English alias', () => {
    for (const v of MESSAGE_VARIABLES) {
      expect(renderTemplate(`[{${v.name}}]`, ALL)).toEqual({ text: `[${ALL[v.name]}]`, missing: [] });
      expect(renderTemplate(`[{${v.alias}}]`, ALL)).toEqual({ text: `[${ALL[v.name]}]`, missing: [] });
    }
  });

  it('renders every shipped template in both languages with no token left and nothing missing', () => {
    for (const lang of LANGUAGES) {
      for (const event of MESSAGE_EVENTS) {
        const { text, missing } = renderTemplate(DEFAULT_TEMPLATES[lang][event], ALL);
        expect(missing).toEqual([]);
        expect(text).not.toMatch(/[{}]/);
        expect(unknownVariables(DEFAULT_TEMPLATES[lang][event])).toEqual([]);
      }
    }
  });

  it('shows a missing value as a visible mark (never "undefined" or a blank) and lists it', () => {
    const { text, missing } = renderTemplate('{客户}您好，报价{金额}，{amount}，设备{设备}', {
      客户: '李四',
      设备: '   ',
    });
    expect(text).toBe(`李四您好，报价${MISSING_MARK}，${MISSING_MARK}，设备${MISSING_MARK}`);
    expect(missing).toEqual(['金额', '设备']);
    expect(text).not.toContain('undefined');
  });

  it('leaves literal braces that name no variable, and names them as unknown', () => {
    expect(unknownVariables('{客户名} 与 {客户} 以及 {foo} {foo} { 空格 }')).toEqual(['客户名', 'foo']);
    expect(renderTemplate('{客户名}', ALL).text).toBe('{客户名}');
  });

  it('the settings schema ships every event, off, with the Chinese templates', () => {
    const defaults = messageSettings.parse({});
    for (const event of MESSAGE_EVENTS) {
      expect(defaults.templates[event]).toEqual({ mode: 'off', text: DEFAULT_TEMPLATES['zh-CN'][event] });
    }
    expect(defaults.quietHours).toEqual({ enabled: true, start: 21 * 60, end: 8 * 60 });
  });
});

describe('SMS length', () => {
  it('counts 70 characters as one message and 67 per part beyond', () => {
    const chinese = (n: number) => '字'.repeat(n);
    expect(smsSegments(smsLength(''))).toBe(0);
    expect(smsSegments(smsLength(chinese(1)))).toBe(1);
    expect(smsSegments(smsLength(chinese(70)))).toBe(1);
    expect(smsSegments(smsLength(chinese(71)))).toBe(2);
    expect(smsSegments(smsLength(chinese(134)))).toBe(2);
    expect(smsSegments(smsLength(chinese(135)))).toBe(3);
    expect(smsSegments(smsLength(chinese(201)))).toBe(3);
    expect(smsSegments(smsLength(chinese(202)))).toBe(4);
  });

  it('counts Latin (GSM-only) text the same way, an emoji as one character, and the signature 【…】', () => {
    expect(smsLength('a'.repeat(70))).toBe(70);
    expect(smsSegments(smsLength('a'.repeat(71)))).toBe(2);
    expect(smsLength('好😀')).toBe(2);
    expect(smsLength('您好', '城东维修')).toBe(2 + 4 + 2);
  });
});

describe('quiet hours, in the server local time of any zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  const quiet = { enabled: true, start: 21 * 60, end: 8 * 60 };

  const OFFSETS = { 'Asia/Shanghai': -480, UTC: 0, 'America/New_York': 300, 'Pacific/Chatham': -825 };
  for (const [tz, offset] of Object.entries(OFFSETS)) {
    it(`holds SMS from 21:00 to 08:00 in ${tz}`, () => {
      process.env.TZ = tz;
      // The zone really changed for this process (Node reads TZ again when it is set).
      expect(new Date(2026, 10, 23).getTimezoneOffset()).toBe(offset);
      const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
      expect(quietUntil(at(23, 20, 59), quiet)).toBeNull();
      expect(quietUntil(at(23, 21, 0), quiet)).toBe(at(24, 8));
      expect(quietUntil(at(23, 23, 59), quiet)).toBe(at(24, 8));
      expect(quietUntil(at(24, 0, 0), quiet)).toBe(at(24, 8));
      expect(quietUntil(at(24, 7, 59), quiet)).toBe(at(24, 8));
      expect(quietUntil(at(24, 8, 0), quiet)).toBeNull();
      expect(quietUntil(at(24, 12, 0), quiet)).toBeNull();
      // A window inside one day, and quiet hours turned off.
      expect(quietUntil(at(24, 13, 0), { enabled: true, start: 12 * 60, end: 14 * 60 })).toBe(at(24, 14));
      expect(quietUntil(at(23, 22, 0), { ...quiet, enabled: false })).toBeNull();
    });
  }
});

describe('backoff', () => {
  it('doubles from a minute and stops at six hours', () => {
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]);
    expect(backoffMs(20)).toBe(BACKOFF_CAP_MS);
  });
});
