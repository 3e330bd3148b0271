import dayjs from 'dayjs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { REASON_NAMES, REASONS, rpcError, type Reason, type Refusal, type RpcError } from '@shared/errors';
import { ApiError } from '../../../src/renderer/src/lib/apiError';
import { errorMessage, issueMessage, refusalMessage } from '../../../src/renderer/src/i18n/errorMessage';
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN';
import { enUS } from '../../../src/renderer/src/i18n/en-US';

const words: Record<'zh-CN' | 'en-US', TFunction> = {} as Record<'zh-CN' | 'en-US', TFunction>;

beforeAll(async () => {
  for (const [lng, translation] of [
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      resources: { [lng]: { translation } },
      interpolation: { escapeValue: false },
    });
    words[lng] = instance.t;
  }
});

/** A moment far from any test run's "today": shown with its date. */
const LONG_AGO = Date.UTC(2020, 0, 2, 3, 4, 5);
const CAUSE: Refusal = { reason: 'backupFolderMissing', params: { folder: '/mnt/usb' } };

/** Params of every kind, as the spec in src/shared/errors.ts asks for them. */
function sampleOf(reason: Reason): Refusal {
  const spec: Readonly<Record<string, unknown>> = REASONS[reason].params;
  const params = Object.fromEntries(
    Object.entries(spec).map(([name, kind]) => {
      if (Array.isArray(kind)) return [name, kind[0]];
      if (kind === 'fen') return [name, 123456];
      if (kind === 'count') return [name, 7];
      if (kind === 'moment') return [name, LONG_AGO];
      if (kind === 'day') return [name, '2026-11-23'];
      if (kind === 'cause') return [name, CAUSE];
      return [name, `<${name}>`];
    }),
  );
  return { reason, params } as Refusal;
}

function refused(error: RpcError): ApiError {
  return new ApiError(error);
}

describe('the words for every reason', () => {
  for (const lang of ['zh-CN', 'en-US'] as const) {
    it(`fill every placeholder in ${lang}, money in 元 and moments in local time`, () => {
      const t = words[lang];
      for (const reason of REASON_NAMES) {
        const refusal = sampleOf(reason);
        const text = refusalMessage(refusal, t, 'FIELDS');
        expect(text, reason).not.toMatch(/{{|}}|undefined|errors\./);
        expect(text, reason).not.toContain(String(LONG_AGO));
        expect(text, reason).not.toContain('123456');
        // The params a sentence names show as people read them.
        const template = (lang === 'zh-CN' ? zhCN : enUS).errors[reason];
        const spec: Readonly<Record<string, unknown>> = REASONS[reason].params;
        for (const [name, kind] of Object.entries(spec)) {
          if (!template.includes(`{{${name}}}`)) continue;
          if (kind === 'fen') expect(text, reason).toContain('1234.56');
          if (kind === 'moment')
            expect(text, reason).toContain(dayjs(LONG_AGO).format('YYYY-MM-DD HH:mm:ss'));
          if (kind === 'count') expect(text, reason).toContain('7');
        }
        if (lang === 'zh-CN') expect(text, reason).toMatch(/[\u4e00-\u9fff]/);
        else expect(text, reason).not.toMatch(/[\u4e00-\u9fff]/);
      }
    });
  }

  it('keep the sentences people saw before', () => {
    const zh = words['zh-CN'];
    const unpaid = rpcError('settlementUnpaid', { settlementNo: 'JS-BJ01-0001', balance: 56000 }, 'x');
    expect(errorMessage(refused(unpaid), zh)).toBe('结算单 JS-BJ01-0001 还有 ¥560.00 未收，收清后才能交付。');
    const closed = rpcError('dayClosed', { date: '2026-11-23' }, 'x');
    expect(errorMessage(refused(closed), zh)).toBe(
      '2026-11-23 已日结，当天的收付款不能再变动；须由店长重新打开。',
    );
    const big = rpcError('orderOwes', { orderNo: 'BJ01-1', total: 123456789 }, 'x');
    expect(errorMessage(refused(big), zh)).toBe('工单 BJ01-1 应收 ¥1234567.89，请先结算并收款，再交付。');
    expect(errorMessage(new Error('network'), zh)).toBe(zhCN.errors.internal);
    const locked = rpcError('accountLockedUntil', { lockedUntil: LONG_AGO }, 'x');
    expect(errorMessage(refused(locked), zh)).toBe(
      `密码错误次数过多，账号已锁定，请于 ${dayjs(LONG_AGO).format('YYYY-MM-DD HH:mm:ss')} 后再试。`,
    );
  });

  it('name the refused fields, and give a field issue with words of its own its words', () => {
    const zh = words['zh-CN'];
    const invalid = { reason: 'invalidInput', params: {}, message: 'x' } as const;
    const plain: RpcError = {
      ...rpcError('invalidInput', {}, 'invalid input'),
      details: {
        fields: [
          { ...invalid, path: 'admin.password' },
          { ...invalid, path: 'shopName' },
        ],
      },
    };
    expect(errorMessage(refused(plain), zh)).toBe('以下内容填写有误：密码、店铺名称');
    const identity: RpcError = {
      ...plain,
      details: {
        fields: [
          { ...invalid, path: 'category' },
          { reason: 'deviceIdentity', params: {}, path: 'brand', message: 'x' },
        ],
      },
    };
    expect(errorMessage(refused(identity), zh)).toBe('品牌、型号、序列号至少填一项');
    const promised: RpcError = {
      ...rpcError('promisedBeforeIntake', {}, 'x'),
      details: { fields: [{ reason: 'promisedBeforeIntake', params: {}, path: 'promisedAt', message: 'x' }] },
    };
    expect(errorMessage(refused(promised), zh)).toBe(`以下内容填写有误：${zhCN.fieldNames.promisedAt}`);
  });

  it('mark a field with its own words, or the general ones', () => {
    const zh = words['zh-CN'];
    const line = {
      reason: 'insufficientStock',
      params: { partCode: 'FILM', onHand: 3 },
      path: 'lines.0.qty',
    } as const;
    expect(issueMessage({ ...line, message: 'x' }, zh)).toBe('库存不足（现存 3）');
    const amount = {
      reason: 'overBalance',
      params: { balance: 8000 },
      path: 'amount',
      message: 'x',
    } as const;
    expect(issueMessage(amount, zh)).toBe('超过待收金额 ¥80.00。');
    const future = {
      reason: 'dayFuture',
      params: { date: '2026-11-24' },
      path: 'date',
      message: 'x',
    } as const;
    expect(issueMessage(future, zh)).toBe('此项填写有误');
    expect(issueMessage(future, words['en-US'])).toBe('This value is not valid');
  });

  it('word a cause inside the refusal it caused, in each language', () => {
    const failed: Refusal = { reason: 'safetyBackupFailed', params: { cause: CAUSE } };
    expect(refusalMessage(failed, words['zh-CN'])).toBe(
      '安全备份失败，当前数据未改动：找不到备份文件夹：/mnt/usb（移动硬盘是否已连接？）',
    );
    expect(refusalMessage(failed, words['en-US'])).toBe(
      'The safety backup failed; the current data is unchanged: The backup folder does not exist: /mnt/usb (is the external drive connected?)',
    );
  });
});
