/**
 * The Excel files' own words, per language: sheet and file names, the total row and what an import
 * reads as a customer type. Stored codes (statuses, kinds, roles…) take their words from
 * @shared/labels, like the screens and the printed forms.
 */
import { LANGUAGES, type Language } from '@shared/languages';
import { LABELS } from '@shared/labels';
import { CUSTOMER_TYPES, type CustomerType } from '@shared/schemas/customers';

/** What an import reads as a customer type, lower-cased: both languages and the usual synonyms. */
export const CUSTOMER_TYPE_WORDS: Record<string, CustomerType> = {
  ...Object.fromEntries(
    LANGUAGES.flatMap((lang) =>
      CUSTOMER_TYPES.map((type) => [LABELS.customerTypes[lang][type].toLowerCase(), type]),
    ),
  ),
  person: 'individual',
  企业: 'company',
  公司: 'company',
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
