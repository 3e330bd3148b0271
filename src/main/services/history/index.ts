/**
 * 历史导入 (work-order history): preview the file's columns, check it (dry run), write every
 * accepted row in one transaction or nothing, list past imports, undo one until the next day close,
 * keep named column mappings, and report progress to a polling page.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type {
  HistoryError,
  HistoryImportRecord,
  HistoryImportResult,
  HistoryPreview,
  SavedMapping,
} from '@shared/schemas/history';
import { savedMapping } from '@shared/schemas/history';
import type { Language } from '@shared/languages';
import type { XlsxFile } from '@shared/schemas/excel';
import { writeAudit } from '../audit';
import { readCounter } from '../settings';
import type { CallContext } from '../context';
import { actorOf } from '../users';
import { exportFileName, workbookFile } from '../excel/workbook';
import { HISTORY_COLUMNS, isRequired, suggestColumns } from './columns';
import { checkRows, matchRows, resolveColumns, type Plan } from './plan';
import { readHistoryFile } from './readFile';
import type { RowError } from './rows';
import { writePlan } from './write';
import { undoImport } from './undo';

export { undoImport };

/** What the page polls while a long file is read, checked and written. */
export interface Progress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}
let progress: Progress | null = null;
export const importProgress = (): Progress | null => progress;

export async function previewHistory(
  _ctx: CallContext,
  input: ParsedInputOf<'history.preview'>,
): Promise<HistoryPreview> {
  const read = await readHistoryFile(input.file.base64, input.encoding);
  const headers = read.headers.map((h) => h.text);
  return {
    headers,
    sample: read.rows.slice(0, 5).map((r) => read.headers.map((h) => r.cells.get(h.col) ?? '')),
    rows: read.rows.length,
    encoding: read.encoding,
    suggested: suggestColumns(headers),
  };
}

const PREVIEW_ROWS = 500;

export async function runHistoryImport(
  ctx: CallContext,
  input: ParsedInputOf<'history.import'>,
): Promise<HistoryImportResult> {
  const { db, now } = ctx.deps;
  const user = ctx.user;
  if (!user) throw new AppError('signedOut', {}, 'signed out');
  const started = Date.now();
  progress = { phase: 'reading', done: 0, total: 0 };
  try {
    const read = await readHistoryFile(input.file.base64, input.encoding);
    const errors: RowError[] = [];
    const { columns, mapping } = resolveColumns(read, input.mapping, errors);
    const fileErrors = errors.length > 0;
    progress = { phase: 'checking', done: 0, total: read.rows.length };
    const categories = new Set(readCounter(db).deviceCategories);
    const checked = fileErrors
      ? []
      : await checkRows(read, columns, mapping, { now: now(), categories }, errors, (done) => {
          progress = { phase: 'checking', done, total: read.rows.length };
        });
    // Matching and writing in one synchronous transaction: what was matched is what is written.
    const outcome = db.transaction((tx) => {
      const plan: Plan = matchRows(tx, db.$client, checked, errors);
      const refusedRows = new Set(errors.filter((e) => e.row > 1).map((e) => e.row));
      const clean = errors.length === 0 || (input.skipRefused && !fileErrors);
      const commit = !input.dryRun && clean && plan.orders.length > 0;
      let importId: string | null = null;
      if (commit) {
        importId = uuidv7();
        const at = now();
        progress = { phase: 'writing', done: 0, total: plan.orders.length };
        db.$client
          .prepare(
            `INSERT INTO history_imports (id, file_name, rows, added, at, user_id) VALUES (?, ?, ?, '{}', ?, ?)`,
          )
          .run(importId, input.file.fileName, read.rows.length, at, user.id);
        const added = writePlan(tx, db.$client, {
          importId,
          fileName: input.file.fileName,
          user,
          plan,
          now: at,
          onProgress: (done) => {
            progress = { phase: 'writing', done, total: plan.orders.length };
          },
        });
        db.$client
          .prepare('UPDATE history_imports SET added = ? WHERE id = ?')
          .run(JSON.stringify(added), importId);
        writeAudit(tx, {
          at,
          actor: actorOf(user),
          action: 'create',
          entity: 'historyImport',
          entityId: importId,
          after: { fileName: input.file.fileName, rows: read.rows.length, added },
        });
      }
      return { plan, refusedRows, importId };
    });
    const { plan, refusedRows, importId } = outcome;
    const byRow = new Map(plan.orders.map((o) => [o.row.row, o]));
    const preview = read.rows.slice(0, PREVIEW_ROWS).map((r) => {
      const o = byRow.get(r.row);
      const refused = refusedRows.has(r.row) || !o;
      return {
        row: r.row,
        customer:
          refused || !o ? null : 'existing' in o.customer ? ('matched' as const) : ('created' as const),
        device: refused || !o ? null : 'existing' in o.device ? ('matched' as const) : ('created' as const),
        technicianMatched: refused || !o || o.row.technician === '' ? null : o.technicianId !== null,
        refused,
      };
    });
    const list: HistoryError[] = errors
      .map((e) => ({ row: e.row, column: columns.header(e.field), code: e.code, value: e.value }))
      .sort((a, b) => a.row - b.row);
    return {
      rows: read.rows.length,
      accepted: fileErrors ? 0 : plan.orders.length,
      refused: fileErrors ? read.rows.length : refusedRows.size,
      customersCreated: plan.customers.length,
      customersMatched: plan.customersMatched,
      devicesCreated: plan.devices.length,
      devicesMatched: plan.devicesMatched,
      errors: list,
      preview,
      committed: importId !== null,
      importId,
      ms: Date.now() - started,
    };
  } finally {
    progress = { phase: 'done', done: 0, total: 0 };
  }
}

/** Past imports, newest first, with whether each can still be undone. */
export function listHistoryImports(ctx: CallContext): HistoryImportRecord[] {
  const sqlite = ctx.deps.db.$client;
  // UUIDv7 ids sort in the order they were made: a close after an import has a greater id.
  const lastClose =
    sqlite
      .prepare<[], string | null>("SELECT max(id) FROM day_close_events WHERE action = 'close'")
      .pluck()
      .get() ?? null;
  const rows = sqlite
    .prepare<
      [],
      {
        id: string;
        fileName: string;
        added: string;
        at: number;
        userName: string | null;
        undoneAt: number | null;
      }
    >(
      `SELECT h.id, h.file_name AS fileName, h.added, h.at, u.display_name AS userName, h.undone_at AS undoneAt
       FROM history_imports h LEFT JOIN users u ON u.id = h.user_id ORDER BY h.at DESC, h.id DESC LIMIT 100`,
    )
    .all();
  return rows.map((r) => {
    const added = JSON.parse(r.added) as Record<string, number>;
    return {
      id: r.id,
      fileName: r.fileName,
      orders: added.work_orders ?? 0,
      customers: added.customers ?? 0,
      devices: added.devices ?? 0,
      at: r.at,
      userName: r.userName ?? '',
      undoneAt: r.undoneAt,
      undoable: r.undoneAt === null && (lastClose === null || lastClose < r.id),
    };
  });
}

// ── saved column mappings (settings key `historyMappings`) ──

const MAPPINGS_KEY = 'historyMappings';

export function listMappings(ctx: CallContext): SavedMapping[] {
  const raw = ctx.deps.db.$client
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(MAPPINGS_KEY);
  if (raw === undefined) return [];
  return savedMapping.array().parse(JSON.parse(raw));
}

export function saveMapping(ctx: CallContext, input: ParsedInputOf<'history.saveMapping'>): SavedMapping[] {
  const list = listMappings(ctx).filter((m) => m.name !== input.name);
  list.push({ name: input.name, mapping: input.mapping });
  list.sort((a, b) => a.name.localeCompare(b.name));
  writeMappings(ctx, list);
  return list;
}

export function deleteMapping(
  ctx: CallContext,
  input: ParsedInputOf<'history.deleteMapping'>,
): SavedMapping[] {
  const before = listMappings(ctx);
  if (!before.some((m) => m.name === input.name)) {
    throw fieldError('name', 'historyMappingNotFound', {}, `no saved mapping named ${input.name}`);
  }
  const list = before.filter((m) => m.name !== input.name);
  writeMappings(ctx, list);
  return list;
}

function writeMappings(ctx: CallContext, list: SavedMapping[]): void {
  const at = ctx.deps.now();
  ctx.deps.db.transaction((tx) => {
    ctx.deps.db.$client
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(MAPPINGS_KEY, JSON.stringify(list), at);
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'settings',
      entityId: MAPPINGS_KEY,
      after: { mappings: list.map((m) => m.name) },
    });
  });
}

// ── the template ──

const TEMPLATE_NOTES: Record<Language, string[]> = {
  'zh-CN': [
    '第一行是表头；带 * 的列必填。列名不同的文件可以在导入时对应列，对应关系可以保存下次再用。',
    '日期写成 2021-03-05 或 2021/3/5，可以带时间 14:30；交机时间不能早于接机时间，也不能晚于今天。',
    '维修结果：已修复、无法修复、客户拒修、已取消（也可以在对应列时把自己的写法对应过来）。',
    '客户按电话匹配，没有电话的按同一文件里的姓名；设备按序列号/IMEI 匹配；技术员按姓名匹配，找不到的保留为文字。',
    '配件费只记金额，不动库存；付款记在付款日期那天，已日结的日子不能导入付款。',
    '先“检查”：列出每行将新建/匹配/拒绝以及原因；全部通过后才能导入，导入要么全部写入要么一行也不写。下次日结之前，管理员可以整批撤销。',
  ],
  'en-US': [
    'Row 1 is the header; columns marked * are required. A file with other headers can be mapped at import, and the mapping saved for next time.',
    'Dates as 2021-03-05 or 2021/3/5, optionally with a time 14:30; delivered may not be before received, nor after today.',
    'Outcome: Repaired, Unrepairable, Declined, Cancelled (or map your own words when mapping columns).',
    'Customers are matched by phone, rows without a phone by name within the file; devices by serial/IMEI; technicians by name, else kept as text.',
    'Parts are an amount only and never touch stock; a payment counts on its own date, and a closed day takes no payment.',
    'Check first: every row is listed as created / matched / refused with the reason; the import writes all rows or none. An admin can undo a whole import until the next day close.',
  ],
};

export function historyTemplate(ctx: CallContext, lang: Language): Promise<XlsxFile> {
  const zh = lang === 'zh-CN';
  const example: Record<string, string | number> = {
    sourceNo: 'A-1001',
    customerName: zh ? '张三' : 'Zhang San',
    customerPhone: '13800138000',
    category: zh ? '手机' : 'Phone',
    brand: 'Apple',
    model: 'iPhone 12',
    serialNo: '356789012345678',
    warrantyEnd: '2022-05-31',
    receivedAt: '2021-03-05 10:20',
    deliveredAt: '2021-03-07 16:00',
    outcome: zh ? '已修复' : 'Repaired',
    technician: zh ? '李工' : 'Li',
    reportedFault: zh ? '屏幕碎裂' : 'Cracked screen',
    diagnosis: zh ? '更换屏幕总成' : 'Replace screen',
    laborAmount: 80,
    partsAmount: 420,
    paidAmount: 500,
    paymentMethod: zh ? '微信' : 'WeChat Pay',
    paidAt: '2021-03-07 16:00',
  };
  return workbookFile(exportFileName(zh ? '历史工单导入模板' : 'history-import-template', ctx.deps.now()), [
    {
      name: zh ? '历史工单' : 'History',
      columns: HISTORY_COLUMNS.map((c) => ({
        header: `${zh ? c.zh : c.en}${isRequired(c.key) ? '*' : ''}`,
        width: c.width,
      })),
      rows: [HISTORY_COLUMNS.map((c) => example[c.key] ?? null)],
    },
    {
      name: zh ? '说明' : 'Notes',
      columns: [{ header: zh ? '说明' : 'Notes', width: 100 }],
      rows: TEMPLATE_NOTES[lang].map((l) => [l]),
      wrap: true,
    },
  ]);
}
