/** The few words exports write besides headers, per language, and the words imports accept. */
import type { Language } from '@shared/languages';
import type { CustomerType } from '@shared/schemas/customers';
import type { StockDocumentKind } from '@shared/schemas/stock';

/** Same words as the glossary and the renderer's dictionaries. */
export const KIND_LABELS: Record<Language, Record<StockDocumentKind, string>> = {
  'zh-CN': {
    receipt: '入库',
    supplierReturn: '退货',
    scrap: '报损',
    count: '盘点',
    adjustment: '调整',
    orderIssue: '领料',
    orderReturn: '退料',
  },
  'en-US': {
    receipt: 'Purchase receipt',
    supplierReturn: 'Return to supplier',
    scrap: 'Scrap',
    count: 'Stock count',
    adjustment: 'Adjustment',
    orderIssue: 'Issue to order',
    orderReturn: 'Return from order',
  },
};

export const CUSTOMER_TYPE_LABELS: Record<Language, Record<CustomerType, string>> = {
  'zh-CN': { individual: '个人', company: '单位' },
  'en-US': { individual: 'Individual', company: 'Company' },
};

/** What an import reads as a customer type, lower-cased: both languages and the usual synonyms. */
export const CUSTOMER_TYPE_WORDS: Record<string, CustomerType> = {
  个人: 'individual',
  individual: 'individual',
  person: 'individual',
  单位: 'company',
  企业: 'company',
  公司: 'company',
  company: 'company',
};

export const YES_NO: Record<Language, { yes: string; no: string }> = {
  'zh-CN': { yes: '是', no: '否' },
  'en-US': { yes: 'Yes', no: 'No' },
};

export const TOTAL: Record<Language, string> = { 'zh-CN': '合计', 'en-US': 'Total' };

/** Sheet names and the start of file names (配件-20261123.xlsx). */
export const NAMES = {
  parts: { 'zh-CN': '配件', 'en-US': 'parts', sheet: { 'zh-CN': '配件', 'en-US': 'Parts' } },
  partsTemplate: {
    'zh-CN': '配件导入模板',
    'en-US': 'parts-import-template',
    sheet: { 'zh-CN': '配件', 'en-US': 'Parts' },
  },
  customers: { 'zh-CN': '客户', 'en-US': 'customers', sheet: { 'zh-CN': '客户', 'en-US': 'Customers' } },
  customersTemplate: {
    'zh-CN': '客户导入模板',
    'en-US': 'customers-import-template',
    sheet: { 'zh-CN': '客户', 'en-US': 'Customers' },
  },
  onHand: { 'zh-CN': '库存', 'en-US': 'stock-on-hand', sheet: { 'zh-CN': '库存', 'en-US': 'Stock on hand' } },
  movements: {
    'zh-CN': '库存流水',
    'en-US': 'stock-movements',
    sheet: { 'zh-CN': '库存流水', 'en-US': 'Movements' },
  },
  notes: { 'zh-CN': '说明', 'en-US': 'Notes', sheet: { 'zh-CN': '说明', 'en-US': 'Notes' } },
} satisfies Record<string, Record<Language, string> & { sheet: Record<Language, string> }>;
