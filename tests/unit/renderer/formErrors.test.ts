import type { FormInstance } from 'antd';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { rpcError, type FieldIssue, type RpcError } from '@shared/errors';
import { ApiError } from '../../../src/renderer/src/lib/apiError';
import { showFieldErrors } from '../../../src/renderer/src/components/formErrors';
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } } });
  t = instance.t;
});

/** A form holding `values` that records the fields it is told to mark. */
function formOf(values: Record<string, unknown>) {
  const marked: { name: string[]; errors: string[] }[] = [];
  const form = {
    getFieldsValue: () => values,
    setFields: (fields: typeof marked) => marked.push(...fields),
  } as unknown as FormInstance;
  return { form, marked };
}

function refusedOn(...paths: string[]): ApiError {
  const issue = { reason: 'invalidInput', params: {}, message: 'x' } as const;
  const error: RpcError = {
    ...rpcError('invalidInput', {}, 'invalid input'),
    details: { fields: paths.map((path): FieldIssue => ({ ...issue, path })) },
  };
  return new ApiError(error);
}

/** One function marks every form's fields; stock and billing forms mark their top-level fields only. */
describe('marking the fields a refusal names', () => {
  const values = { reason: '', lines: [{ qty: '1' }], approval: { password: '' } };
  const paths = ['reason', 'lines.0.qty', 'approval.password', 'notOnTheForm', 'lines.3.qty'];

  it('marks every field the form holds, nested ones too', () => {
    const { form, marked } = formOf(values);
    showFieldErrors(form, refusedOn(...paths), t);
    expect(marked.map((f) => f.name.join('.'))).toEqual(['reason', 'lines.0.qty', 'approval.password']);
    expect(marked[0]?.errors).toEqual([zhCN.fieldErrors.invalidInput]);
  });

  it('leaves nested paths to the lines editor and the approval with topLevelOnly', () => {
    const { form, marked } = formOf(values);
    showFieldErrors(form, refusedOn(...paths), t, { topLevelOnly: true });
    expect(marked.map((f) => f.name.join('.'))).toEqual(['reason']);
  });

  it('marks nothing for an error that is not a refusal, or names no field of the form', () => {
    const { form, marked } = formOf(values);
    showFieldErrors(form, new Error('network'), t);
    showFieldErrors(form, refusedOn('notOnTheForm'), t, { topLevelOnly: true });
    expect(marked).toEqual([]);
  });
});
