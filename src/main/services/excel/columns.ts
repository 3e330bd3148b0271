/**
 * Every column of every sheet we read or write, in one place: the key the code uses, the header
 * in each language, whether an import needs it, its width and how its cells are written.
 */
import type { Language } from '@shared/languages';

/**
 * How a cell is written: money is fen shown as 元 ('0.00'); decimal = hours and such; percent = a
 * 0–1 share; a date-time is epoch ms shown in local time; text columns are formatted as text so
 * Excel keeps codes and phones as typed.
 */
export type CellKind = 'text' | 'money' | 'int' | 'decimal' | 'percent' | 'dateTime';

export interface Column<K extends string = string> {
  key: K;
  zh: string;
  en: string;
  /** An import refuses the file without this column, and a row without a value in it. */
  required?: boolean;
  /** Other headers an import accepts for this column: the words shops' own lists tend to use. */
  aliases?: readonly string[];
  /** In characters. */
  width: number;
  kind?: CellKind;
}

const col = <K extends string>(c: Column<K>): Column<K> => c;

export const PART_COLUMNS = [
  col({
    key: 'code',
    zh: '编码',
    en: 'Code',
    required: true,
    width: 16,
    aliases: ['配件编码', 'Part code', 'SKU'],
  }),
  col({ key: 'name', zh: '名称', en: 'Name', required: true, width: 28, aliases: ['配件名称', 'Part name'] }),
  col({ key: 'spec', zh: '规格', en: 'Specification', width: 20 }),
  col({ key: 'compatibleModels', zh: '适用机型', en: 'Compatible models', width: 28 }),
  col({ key: 'category', zh: '分类', en: 'Category', width: 12 }),
  col({ key: 'unit', zh: '单位', en: 'Unit', width: 8 }),
  col({ key: 'barcode', zh: '条码', en: 'Barcode', width: 18, aliases: ['条形码'] }),
  col({
    key: 'costPrice',
    zh: '成本价(元)',
    en: 'Cost price (CNY)',
    width: 14,
    kind: 'money',
    aliases: ['进价'],
  }),
  col({
    key: 'salePrice',
    zh: '售价(元)',
    en: 'Sale price (CNY)',
    width: 14,
    kind: 'money',
    aliases: ['销售价', '零售价'],
  }),
  col({ key: 'minStock', zh: '安全库存', en: 'Minimum stock', width: 10, kind: 'int' }),
  col({ key: 'location', zh: '库位', en: 'Location', width: 10, aliases: ['货位'] }),
  col({ key: 'supplier', zh: '供应商', en: 'Supplier', width: 20 }),
] as const;
export type PartColumnKey = (typeof PART_COLUMNS)[number]['key'];

/** The catalog export: the import columns (so it can be edited and imported back) plus stock. */
export const PART_EXPORT_COLUMNS = [
  ...PART_COLUMNS,
  col({ key: 'onHand', zh: '库存', en: 'On hand', width: 10, kind: 'int' }),
  col({ key: 'archived', zh: '已归档', en: 'Archived', width: 8 }),
] as const;

/** A customer's own fields, as the form has them. */
const CUSTOMER_FIELD_COLUMNS = [
  col({
    key: 'name',
    zh: '姓名',
    en: 'Name',
    required: true,
    width: 16,
    aliases: ['客户', '客户名称', '客户姓名'],
  }),
  // The customer form needs at least one number, so the import does too.
  col({
    key: 'phones',
    zh: '电话',
    en: 'Phones',
    required: true,
    width: 28,
    aliases: ['手机', '手机号', '联系电话', 'Phone', 'Mobile'],
  }),
  col({ key: 'type', zh: '类型', en: 'Type', width: 8 }),
  col({ key: 'level', zh: '等级', en: 'Level', width: 8 }),
  col({ key: 'email', zh: '邮箱', en: 'Email', width: 24, aliases: ['电子邮箱', 'E-mail'] }),
  col({ key: 'address', zh: '地址', en: 'Address', width: 32 }),
  col({ key: 'company', zh: '公司', en: 'Company', width: 20 }),
  col({ key: 'tags', zh: '标签', en: 'Tags', width: 16 }),
  col({ key: 'notes', zh: '备注', en: 'Notes', width: 30 }),
] as const;

const CUSTOMER_CODE_COLUMN = col({
  key: 'code',
  zh: '客户编号',
  en: 'Customer no.',
  width: 12,
  aliases: ['编号', 'Customer code'],
});
/** When the customer first came (建档); an import keeps it, the export writes it. */
const CUSTOMER_CREATED_COLUMN = col({
  key: 'createdAt',
  zh: '建档时间',
  en: 'Created',
  width: 17,
  kind: 'dateTime',
  aliases: ['建档日期', '创建时间', '创建日期', 'Created date', 'Created at'],
});

/** The import template's columns. */
export const CUSTOMER_COLUMNS = [...CUSTOMER_FIELD_COLUMNS, CUSTOMER_CREATED_COLUMN] as const;

/** What a customer import reads: the template's columns and the code an export carries (to match by). */
export const CUSTOMER_IMPORT_COLUMNS = [...CUSTOMER_COLUMNS, CUSTOMER_CODE_COLUMN] as const;
export type CustomerColumnKey = (typeof CUSTOMER_IMPORT_COLUMNS)[number]['key'];

export const CUSTOMER_EXPORT_COLUMNS = [
  CUSTOMER_CODE_COLUMN,
  ...CUSTOMER_FIELD_COLUMNS,
  col({ key: 'archived', zh: '已归档', en: 'Archived', width: 8 }),
  CUSTOMER_CREATED_COLUMN,
] as const;

export const ON_HAND_COLUMNS = [
  col({ key: 'code', zh: '编码', en: 'Code', width: 16 }),
  col({ key: 'name', zh: '名称', en: 'Name', width: 28 }),
  col({ key: 'spec', zh: '规格', en: 'Specification', width: 20 }),
  col({ key: 'category', zh: '分类', en: 'Category', width: 12 }),
  col({ key: 'unit', zh: '单位', en: 'Unit', width: 8 }),
  col({ key: 'location', zh: '库位', en: 'Location', width: 10 }),
  col({ key: 'onHand', zh: '库存', en: 'On hand', width: 10, kind: 'int' }),
  col({ key: 'costPrice', zh: '平均成本(元)', en: 'Average cost (CNY)', width: 16, kind: 'money' }),
  col({ key: 'value', zh: '金额(元)', en: 'Value (CNY)', width: 16, kind: 'money' }),
] as const;

export const MOVEMENT_COLUMNS = [
  col({ key: 'at', zh: '时间', en: 'Time', width: 17, kind: 'dateTime' }),
  col({ key: 'docNo', zh: '单号', en: 'Document no.', width: 24 }),
  col({ key: 'kind', zh: '类型', en: 'Kind', width: 14 }),
  col({ key: 'partCode', zh: '配件编码', en: 'Part code', width: 16 }),
  col({ key: 'partName', zh: '配件名称', en: 'Part name', width: 28 }),
  col({ key: 'qty', zh: '数量', en: 'Qty', width: 8, kind: 'int' }),
  col({ key: 'unitCost', zh: '单位成本(元)', en: 'Unit cost (CNY)', width: 14, kind: 'money' }),
  col({ key: 'orderNo', zh: '工单号', en: 'Order no.', width: 22 }),
  col({ key: 'user', zh: '操作人', en: 'User', width: 12 }),
] as const;

/** The header as written: the language's text, with `*` on required columns in templates. */
export function headerOf(column: Column, lang: Language, markRequired = false): string {
  const text = lang === 'en-US' ? column.en : column.zh;
  return markRequired && column.required ? `${text}*` : text;
}
