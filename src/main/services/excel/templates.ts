/** Import templates: the header row, one example row, and a notes sheet with the rules. */
import type { Language } from '@shared/languages';
import type { XlsxFile } from '@shared/schemas/excel';
import type { CallContext } from '../context';
import { readCounter } from '../settings';
import { CUSTOMER_COLUMNS, PART_COLUMNS, headerOf, type Column } from './columns';
import { MAX_IMPORT_ROWS } from './importSheet';
import { LABELS } from '@shared/labels';
import { localMidnight } from '@shared/dates';
import { NAMES } from './labels';
import { exportFileName, workbookFile, type CellOut, type SheetOut } from './workbook';

const ROWS = MAX_IMPORT_ROWS.toLocaleString('en-US');

const ALL_OR_NOTHING: Record<Language, string[]> = {
  'zh-CN': [
    `每次最多导入 ${ROWS} 行；空行会被跳过。`,
    '全部导入或全部不导入：系统先检查每一行，只要有一处错误，就一行也不导入，并按行号和列名列出全部错误。改正后重新导入即可。',
    '可以先“仅检查”：只检查不写入。',
  ],
  'en-US': [
    `At most ${ROWS} rows per import; blank rows are skipped.`,
    'All or nothing: every row is checked first. If any cell has an error, no row is imported and every error is listed by row number and column. Fix them and import again.',
    'Use "Check only" to check the file without writing anything.',
  ],
};

const HEADER_RULES: Record<Language, string> = {
  'zh-CN': '第一行是表头：列名可以用中文或英文，顺序可以调整，不认识的列会被忽略。带 * 的列必填。',
  'en-US':
    'Row 1 is the header: column names may be in Chinese or English, in any order; unknown columns are ignored. Columns marked * are required.',
};

function sheetOf(columns: readonly Column[], lang: Language, name: string, example: CellOut[]): SheetOut {
  return {
    name,
    columns: columns.map((c) => ({ header: headerOf(c, lang, true), width: c.width, kind: c.kind })),
    rows: [example],
  };
}

function notesOf(lang: Language, lines: string[]): SheetOut {
  return {
    name: NAMES.notes.sheet[lang],
    columns: [{ header: NAMES.notes.sheet[lang], width: 90 }],
    rows: lines.map((line) => [line]),
    wrap: true,
  };
}

export function partsTemplate(ctx: CallContext, lang: Language): Promise<XlsxFile> {
  const zh = lang === 'zh-CN';
  // Same order as PART_COLUMNS; amounts in fen like every other money value.
  const example: CellOut[] = zh
    ? [
        'SCR-IP13',
        'iPhone 13 屏幕总成',
        '原装',
        'iPhone 13',
        '屏幕',
        '个',
        '6901234567890',
        30000,
        45000,
        2,
        'A-01',
        '',
      ]
    : [
        'SCR-IP13',
        'iPhone 13 screen assembly',
        'OEM',
        'iPhone 13',
        'Screen',
        'pcs',
        '6901234567890',
        30000,
        45000,
        2,
        'A-01',
        '',
      ];
  const notes = zh
    ? [
        HEADER_RULES[lang],
        '必填：编码、名称。编码不区分大小写（保存为大写），在文件内不能重复。',
        '成本价、售价以元为单位，最多两位小数；安全库存是不小于 0 的整数。单位留空为“个”。',
        '编码不存在的新建；编码已存在的配件，导入时选择按本表更新（默认）或跳过，先检查会列出将被改动的字段（原值 → 新值）。更新时不改成本价：成本价只随入库单按移动加权平均变化，新建时才取本表的成本价。',
        '更新时，文件里没有的列保持原值；有这一列但单元格空白，表示清空这一项。',
        '供应商填写名称，须是已建档、未归档的供应商；留空表示没有默认供应商。',
        '导出的配件表可以直接修改后导入（库存、已归档两列会被忽略）。',
        ...ALL_OR_NOTHING[lang],
      ]
    : [
        HEADER_RULES[lang],
        'Required: Code and Name. Codes ignore case (they are saved in capitals) and may not repeat within the file.',
        'Cost and sale prices are in yuan (CNY) with at most two decimals; minimum stock is a whole number, 0 or more. A blank unit means 个 (piece).',
        'A new code creates a part; a part whose code exists is, as chosen when importing, updated from the file (the default) or skipped, and the check lists the fields that would change (old → new). Updates never change the cost price: it moves only with purchase receipts (moving average). It is taken from the file only for new parts.',
        'When updating, a column missing from the file keeps its values; a blank cell in a present column clears that field.',
        'Supplier: the name of a supplier on file and not archived; blank for no default supplier.',
        'An exported parts list can be edited and imported back (its On hand and Archived columns are ignored).',
        ...ALL_OR_NOTHING[lang],
      ];
  return workbookFile(exportFileName(NAMES.partsTemplate[lang], ctx.deps.now()), [
    sheetOf(PART_COLUMNS, lang, NAMES.partsTemplate.sheet[lang], example),
    notesOf(lang, notes),
  ]);
}

export function customersTemplate(ctx: CallContext, lang: Language): Promise<XlsxFile> {
  const levels = readCounter(ctx.deps.db).customerLevels;
  const first = levels[0] ?? '';
  const zh = lang === 'zh-CN';
  const type = LABELS.customerTypes[lang].individual;
  // A past date (a customer of some years), as a date cell like the export writes it.
  const since = localMidnight('2019-03-08');
  const example: CellOut[] = zh
    ? [
        '张三',
        '13800138000 / 010-66668888',
        type,
        first,
        'zhangsan@example.com',
        '北京市朝阳区建国路1号',
        '',
        '老客户',
        '',
        since,
      ]
    : [
        'Zhang San',
        '13800138000 / 010-66668888',
        type,
        first,
        'zhangsan@example.com',
        '1 Jianguo Rd, Beijing',
        '',
        'regular',
        '',
        since,
      ];
  const notes = zh
    ? [
        HEADER_RULES[lang],
        '必填：姓名、电话。',
        '电话可填多个（最多 5 个），用 / , ; 、 或空格分隔；每个号码 3–20 位数字，可带空格、横线、括号。',
        '类型：个人 或 单位（也可写 企业、公司）；留空为个人。',
        `等级须是系统设置里的客户等级之一：${levels.join('、')}；留空为“${first}”。`,
        '标签可填多个，分隔方式同电话。邮箱可留空。',
        '建档时间可留空（即导入的时间）；填写时为过去的日期或日期时间，如 2019-03-08 或 2019-03-08 14:30，不能晚于现在。',
        '已有客户按“客户编号”（导出的客户表带这一列），否则按电话认出。导入时选择：跳过已有客户，或用本表更新已有客户：填了的单元格覆盖原值，空白单元格保持原值，电话只增加不删除。',
        '先检查会列出每个已有客户将被改动的字段（原值 → 新值）。一行的电话分属两个客户时报错；同一个电话在文件里出现两次也会报错。',
        ...ALL_OR_NOTHING[lang],
      ]
    : [
        HEADER_RULES[lang],
        'Required: Name and Phones.',
        'Several phones (up to 5) may be separated by / , ; 、 or spaces; each is 3–20 digits and may contain spaces, dashes and brackets.',
        'Type: Individual or Company (个人 / 单位 also work); blank means Individual.',
        `Level must be one of the customer levels in Settings: ${levels.join(', ')}; blank means "${first}".`,
        'Several tags are separated like phones. Email may be blank.',
        'Created may be blank (the time of the import); when given, a past date or date and time such as 2019-03-08 or 2019-03-08 14:30, not later than now.',
        'Existing customers are found by Customer no. (an exported customer list has it), else by phone. Choose when importing: skip existing customers, or update them from the file: filled cells replace the values, blank cells keep them, phones are only added, never removed.',
        'The check lists every existing customer with the fields that would change (old → new). A row whose phones belong to two customers is an error, and so is the same phone twice in the file.',
        ...ALL_OR_NOTHING[lang],
      ];
  return workbookFile(exportFileName(NAMES.customersTemplate[lang], ctx.deps.now()), [
    sheetOf(CUSTOMER_COLUMNS, lang, NAMES.customersTemplate.sheet[lang], example),
    notesOf(lang, notes),
  ]);
}
