/**
 * Columns of the full export's sheets that no other export has. Customers, parts and movements
 * reuse the columns of their own exports (excel/columns.ts), so a header reads the same everywhere.
 */
import { LABELS } from '@shared/labels';
import type { SatisfactionDimension } from '@shared/schemas/followUps';
import {
  CUSTOMER_EXPORT_COLUMNS,
  MOVEMENT_COLUMNS,
  PART_EXPORT_COLUMNS,
  type Column,
} from '../excel/columns';

const col = <K extends string>(c: Column<K>): Column<K> => c;

const orderNo = col({ key: 'orderNo', zh: '工单号', en: 'Order no.', width: 22 });
const customerCode = col({ key: 'customerCode', zh: '客户编号', en: 'Customer no.', width: 12 });
const customerName = col({ key: 'customerName', zh: '客户', en: 'Customer', width: 16 });
const notes = col({ key: 'notes', zh: '备注', en: 'Notes', width: 30 });
const archived = col({ key: 'archived', zh: '已归档', en: 'Archived', width: 8 });
const createdAt = col({ key: 'createdAt', zh: '建档时间', en: 'Created', width: 17, kind: 'dateTime' });
const user = col({ key: 'user', zh: '操作人', en: 'User', width: 12 });
/** The LAN terminal a change was made at (empty: the host PC). */
const terminal = col({ key: 'terminal', zh: '终端', en: 'Terminal', width: 12 });
const at = col({ key: 'at', zh: '时间', en: 'Time', width: 17, kind: 'dateTime' });
const covered = col({ key: 'covered', zh: '保修', en: 'Warranty', width: 8 });

export const CUSTOMER_COLUMNS = [
  ...CUSTOMER_EXPORT_COLUMNS,
  col({ key: 'mergedInto', zh: '已合并到', en: 'Merged into', width: 12 }),
  col({ key: 'noContact', zh: '勿联系', en: 'Do not contact', width: 8 }),
] as const;

export const DEVICE_COLUMNS = [
  customerCode,
  customerName,
  col({ key: 'category', zh: '类别', en: 'Category', width: 12 }),
  col({ key: 'brand', zh: '品牌', en: 'Brand', width: 12 }),
  col({ key: 'model', zh: '型号', en: 'Model', width: 18 }),
  col({ key: 'serialNo', zh: '序列号', en: 'Serial no.', width: 20 }),
  col({ key: 'purchaseDate', zh: '购买日期', en: 'Purchased', width: 12 }),
  col({ key: 'warrantyEnd', zh: '保修截止', en: 'Warranty ends', width: 12 }),
  col({ key: 'invoiceNo', zh: '发票号', en: 'Invoice no.', width: 16 }),
  col({ key: 'plateNo', zh: '车牌号', en: 'Plate no.', width: 12 }),
  col({ key: 'vin', zh: '车架号(VIN)', en: 'VIN', width: 20 }),
  col({
    key: 'vinNoCheckDigit',
    zh: 'VIN无校验位(进口车)',
    en: 'VIN without check digit (import)',
    width: 12,
  }),
  col({ key: 'modelYear', zh: '年款', en: 'Model year', width: 8 }),
  col({ key: 'installAddress', zh: '安装地址', en: 'Installation address', width: 28 }),
  col({ key: 'installDate', zh: '安装日期', en: 'Installed', width: 12 }),
  notes,
  archived,
  createdAt,
] as const;

/** The device password is left out: the audit log treats it as a secret too. */
export const WORK_ORDER_COLUMNS = [
  orderNo,
  col({ key: 'status', zh: '状态', en: 'Status', width: 10 }),
  customerCode,
  customerName,
  col({ key: 'phone', zh: '电话', en: 'Phone', width: 14 }),
  col({ key: 'device', zh: '设备', en: 'Device', width: 24 }),
  col({ key: 'serialNo', zh: '序列号', en: 'Serial no.', width: 20 }),
  col({ key: 'channel', zh: '接单渠道', en: 'Channel', width: 8 }),
  col({ key: 'serviceType', zh: '服务类型', en: 'Service type', width: 10 }),
  col({ key: 'priority', zh: '优先级', en: 'Priority', width: 8 }),
  col({ key: 'reportedFault', zh: '故障现象', en: 'Reported fault', width: 30 }),
  col({ key: 'accessories', zh: '随机附件', en: 'Accessories', width: 20 }),
  col({ key: 'accessoriesNote', zh: '附件说明', en: 'Accessories note', width: 20 }),
  col({ key: 'condition', zh: '外观', en: 'Condition', width: 20 }),
  col({ key: 'warranty', zh: '保修', en: 'Warranty', width: 10 }),
  col({ key: 'warrantyComputed', zh: '系统判定保修', en: 'Warranty (computed)', width: 10 }),
  col({ key: 'warrantyReason', zh: '保修改判原因', en: 'Warranty override reason', width: 20 }),
  col({ key: 'reworkOf', zh: '返修原工单', en: 'Rework of', width: 22 }),
  col({ key: 'technician', zh: '技术员', en: 'Technician', width: 12 }),
  col({ key: 'promisedAt', zh: '承诺时间', en: 'Promised', width: 17, kind: 'dateTime' }),
  col({ key: 'diagnosis', zh: '检测结果', en: 'Diagnosis', width: 30 }),
  col({ key: 'diagnosedAt', zh: '检测完成时间', en: 'Diagnosed', width: 17, kind: 'dateTime' }),
  col({
    key: 'intakeEstimate',
    zh: '接机预估(元)',
    en: 'Estimate at intake (CNY)',
    width: 12,
    kind: 'money',
  }),
  col({ key: 'estimate', zh: '报价(元)', en: 'Estimate (CNY)', width: 12, kind: 'money' }),
  col({ key: 'approvalBy', zh: '客户确认人', en: 'Approved by', width: 12 }),
  col({ key: 'approvalMethod', zh: '确认方式', en: 'Approval method', width: 12 }),
  col({ key: 'approvalAt', zh: '确认时间', en: 'Approved', width: 17, kind: 'dateTime' }),
  col({ key: 'approvedAmount', zh: '确认金额(元)', en: 'Approved amount (CNY)', width: 12, kind: 'money' }),
  col({ key: 'resolution', zh: '处理结果', en: 'Resolution', width: 30 }),
  col({ key: 'cancelReason', zh: '取消原因', en: 'Cancel reason', width: 20 }),
  col({ key: 'outcome', zh: '维修结果', en: 'Outcome', width: 10 }),
  col({ key: 'unrepairableReason', zh: '无法修复原因', en: 'Unrepairable reason', width: 14 }),
  col({ key: 'heldFrom', zh: '待客户前状态', en: 'Held from', width: 10 }),
  col({ key: 'holdReason', zh: '待客户原因', en: 'Hold reason', width: 20 }),
  col({ key: 'heldAt', zh: '转待客户时间', en: 'On hold since', width: 17, kind: 'dateTime' }),
  col({ key: 'recallAt', zh: '约定回电时间', en: 'Call back on', width: 17, kind: 'dateTime' }),
  col({ key: 'readyAt', zh: '完工时间', en: 'Ready', width: 17, kind: 'dateTime' }),
  col({ key: 'deliveredAt', zh: '交付时间', en: 'Delivered', width: 17, kind: 'dateTime' }),
  col({ key: 'createdBy', zh: '接单人', en: 'Received by', width: 12 }),
  col({ key: 'createdAt', zh: '接单时间', en: 'Received', width: 17, kind: 'dateTime' }),
  col({ key: 'updatedAt', zh: '最后更新', en: 'Updated', width: 17, kind: 'dateTime' }),
] as const;

export const EVENT_COLUMNS = [
  orderNo,
  at,
  col({ key: 'kind', zh: '类型', en: 'Kind', width: 12 }),
  col({ key: 'fromStatus', zh: '原状态', en: 'From', width: 10 }),
  col({ key: 'toStatus', zh: '新状态', en: 'To', width: 10 }),
  col({ key: 'note', zh: '说明', en: 'Note', width: 30 }),
  user,
  terminal,
  col({ key: 'data', zh: '详情', en: 'Details', width: 40 }),
] as const;

export const ORDER_PART_COLUMNS = [
  orderNo,
  col({ key: 'partCode', zh: '配件编码', en: 'Part code', width: 16 }),
  col({ key: 'partName', zh: '配件名称', en: 'Part name', width: 28 }),
  col({ key: 'qty', zh: '数量', en: 'Qty', width: 8, kind: 'int' }),
  col({ key: 'unitPrice', zh: '单价(元)', en: 'Unit price (CNY)', width: 12, kind: 'money' }),
  col({ key: 'unitCost', zh: '单位成本(元)', en: 'Unit cost (CNY)', width: 12, kind: 'money' }),
  covered,
  col({ key: 'oldPartSerial', zh: '旧件序列号', en: 'Removed part serial', width: 18 }),
  col({ key: 'oldPartRma', zh: '旧件返厂', en: 'RMA', width: 8 }),
  col({ key: 'issueDocNo', zh: '领料单号', en: 'Issue doc no.', width: 24 }),
  col({ key: 'returnDocNo', zh: '退料单号', en: 'Return doc no.', width: 24 }),
  col({ key: 'addedBy', zh: '领用人', en: 'Added by', width: 12 }),
  col({ key: 'addedAt', zh: '领用时间', en: 'Added', width: 17, kind: 'dateTime' }),
  col({ key: 'removedAt', zh: '退回时间', en: 'Removed', width: 17, kind: 'dateTime' }),
] as const;

export const ORDER_CHARGE_COLUMNS = [
  orderNo,
  col({ key: 'kind', zh: '类型', en: 'Kind', width: 10 }),
  col({ key: 'itemCode', zh: '项目编码', en: 'Item code', width: 10 }),
  col({ key: 'name', zh: '名称', en: 'Name', width: 20 }),
  col({ key: 'technician', zh: '技术员', en: 'Technician', width: 12 }),
  col({ key: 'hours', zh: '工时', en: 'Hours', width: 8 }),
  col({ key: 'amount', zh: '金额(元)', en: 'Amount (CNY)', width: 12, kind: 'money' }),
  covered,
  col({ key: 'approvedBy', zh: '授权人', en: 'Approved by', width: 12 }),
  col({ key: 'addedBy', zh: '添加人', en: 'Added by', width: 12 }),
  col({ key: 'addedAt', zh: '添加时间', en: 'Added', width: 17, kind: 'dateTime' }),
  col({ key: 'removedAt', zh: '删除时间', en: 'Removed', width: 17, kind: 'dateTime' }),
] as const;

export const PART_COLUMNS = PART_EXPORT_COLUMNS;

export const SUPPLIER_COLUMNS = [
  col({ key: 'name', zh: '名称', en: 'Name', width: 24 }),
  col({ key: 'contact', zh: '联系人', en: 'Contact', width: 12 }),
  col({ key: 'phone', zh: '电话', en: 'Phone', width: 16 }),
  notes,
  archived,
  createdAt,
] as const;

export const STOCK_DOCUMENT_COLUMNS = [
  col({ key: 'docNo', zh: '单号', en: 'Document no.', width: 24 }),
  col({ key: 'kind', zh: '类型', en: 'Kind', width: 14 }),
  col({ key: 'supplier', zh: '供应商', en: 'Supplier', width: 20 }),
  col({ key: 'reason', zh: '原因', en: 'Reason', width: 20 }),
  col({ key: 'reverses', zh: '冲销单号', en: 'Reverses', width: 24 }),
  orderNo,
  user,
  col({ key: 'postedAt', zh: '过账时间', en: 'Posted', width: 17, kind: 'dateTime' }),
] as const;

export const STOCK_LINE_COLUMNS = [
  col({ key: 'docNo', zh: '单号', en: 'Document no.', width: 24 }),
  col({ key: 'lineNo', zh: '行号', en: 'Line', width: 6, kind: 'int' }),
  col({ key: 'partCode', zh: '配件编码', en: 'Part code', width: 16 }),
  col({ key: 'partName', zh: '配件名称', en: 'Part name', width: 28 }),
  col({ key: 'qty', zh: '数量', en: 'Qty', width: 8, kind: 'int' }),
  col({ key: 'countedQty', zh: '盘点数量', en: 'Counted', width: 8, kind: 'int' }),
  col({ key: 'unitCost', zh: '单位成本(元)', en: 'Unit cost (CNY)', width: 12, kind: 'money' }),
  col({ key: 'costBefore', zh: '原平均成本(元)', en: 'Cost before (CNY)', width: 14, kind: 'money' }),
  col({ key: 'costAfter', zh: '新平均成本(元)', en: 'Cost after (CNY)', width: 14, kind: 'money' }),
] as const;

export { MOVEMENT_COLUMNS };

export const SETTLEMENT_COLUMNS = [
  col({ key: 'settlementNo', zh: '结算单号', en: 'Settlement no.', width: 22 }),
  orderNo,
  col({ key: 'status', zh: '状态', en: 'Status', width: 8 }),
  col({ key: 'subtotal', zh: '小计(元)', en: 'Subtotal (CNY)', width: 12, kind: 'money' }),
  col({ key: 'warrantyValue', zh: '保修承担(元)', en: 'Warranty value (CNY)', width: 12, kind: 'money' }),
  col({ key: 'discount', zh: '折扣', en: 'Discount', width: 10 }),
  col({ key: 'discountAmount', zh: '折扣金额(元)', en: 'Discount (CNY)', width: 12, kind: 'money' }),
  col({ key: 'discountApprovedBy', zh: '折扣授权', en: 'Discount approved by', width: 12 }),
  col({ key: 'rounding', zh: '抹零(元)', en: 'Rounding (CNY)', width: 10, kind: 'money' }),
  col({ key: 'total', zh: '应收(元)', en: 'Total (CNY)', width: 12, kind: 'money' }),
  col({ key: 'depositCredited', zh: '订金抵扣(元)', en: 'Deposit credited (CNY)', width: 12, kind: 'money' }),
  col({ key: 'note', zh: '备注', en: 'Note', width: 20 }),
  col({ key: 'createdBy', zh: '开单人', en: 'Created by', width: 12 }),
  col({ key: 'createdAt', zh: '开单时间', en: 'Created', width: 17, kind: 'dateTime' }),
  col({ key: 'voidedAt', zh: '作废时间', en: 'Voided', width: 17, kind: 'dateTime' }),
  col({ key: 'voidedBy', zh: '作废人', en: 'Voided by', width: 12 }),
  col({ key: 'voidReason', zh: '作废原因', en: 'Void reason', width: 20 }),
] as const;

export const SETTLEMENT_LINE_COLUMNS = [
  col({ key: 'settlementNo', zh: '结算单号', en: 'Settlement no.', width: 22 }),
  col({ key: 'lineNo', zh: '行号', en: 'Line', width: 6, kind: 'int' }),
  col({ key: 'kind', zh: '类型', en: 'Kind', width: 10 }),
  col({ key: 'code', zh: '编码', en: 'Code', width: 14 }),
  col({ key: 'name', zh: '名称', en: 'Name', width: 24 }),
  col({ key: 'detail', zh: '说明', en: 'Detail', width: 20 }),
  col({ key: 'qty', zh: '数量', en: 'Qty', width: 8, kind: 'int' }),
  col({ key: 'unitPrice', zh: '单价(元)', en: 'Unit price (CNY)', width: 12, kind: 'money' }),
  col({ key: 'amount', zh: '金额(元)', en: 'Amount (CNY)', width: 12, kind: 'money' }),
  covered,
  col({ key: 'listAmount', zh: '标价金额(元)', en: 'List amount (CNY)', width: 12, kind: 'money' }),
  col({ key: 'cost', zh: '成本(元)', en: 'Cost (CNY)', width: 12, kind: 'money' }),
] as const;

export const PAYMENT_COLUMNS = [
  at,
  col({ key: 'businessDate', zh: '营业日', en: 'Business day', width: 12 }),
  col({ key: 'settlementNo', zh: '结算单号', en: 'Settlement no.', width: 22 }),
  orderNo,
  col({ key: 'method', zh: '方式', en: 'Method', width: 10 }),
  col({ key: 'amount', zh: '金额(元)', en: 'Amount (CNY)', width: 12, kind: 'money' }),
  col({ key: 'tendered', zh: '实收(元)', en: 'Tendered (CNY)', width: 12, kind: 'money' }),
  col({ key: 'change', zh: '找零(元)', en: 'Change (CNY)', width: 12, kind: 'money' }),
  col({ key: 'reference', zh: '交易号', en: 'Reference', width: 20 }),
  col({ key: 'reason', zh: '原因', en: 'Reason', width: 20 }),
  user,
  col({ key: 'approvedBy', zh: '授权人', en: 'Approved by', width: 12 }),
  col({ key: 'reversal', zh: '冲正', en: 'Reversal', width: 8 }),
] as const;

export const DEPOSIT_COLUMNS = [
  at,
  col({ key: 'businessDate', zh: '营业日', en: 'Business day', width: 12 }),
  orderNo,
  col({ key: 'method', zh: '方式', en: 'Method', width: 10 }),
  col({ key: 'amount', zh: '金额(元)', en: 'Amount (CNY)', width: 12, kind: 'money' }),
  col({ key: 'reference', zh: '交易号', en: 'Reference', width: 20 }),
  col({ key: 'reason', zh: '原因', en: 'Reason', width: 20 }),
  user,
  col({ key: 'approvedBy', zh: '授权人', en: 'Approved by', width: 12 }),
] as const;

export const DEVICE_READING_COLUMNS = [
  customerCode,
  customerName,
  col({ key: 'device', zh: '设备', en: 'Device', width: 24 }),
  col({ key: 'serialNo', zh: '序列号', en: 'Serial no.', width: 20 }),
  col({ key: 'readAt', zh: '读数时间', en: 'Read at', width: 17, kind: 'dateTime' }),
  col({ key: 'value', zh: '读数', en: 'Reading', width: 12 }),
  col({ key: 'unit', zh: '单位', en: 'Unit', width: 8 }),
  col({ key: 'source', zh: '来源', en: 'Source', width: 10 }),
  orderNo,
  col({ key: 'reason', zh: '原因', en: 'Reason', width: 20 }),
  user,
  at,
] as const;

export const APPOINTMENT_COLUMNS = [
  col({ key: 'startAt', zh: '预约时间', en: 'Starts', width: 17, kind: 'dateTime' }),
  col({ key: 'endAt', zh: '结束时间', en: 'Ends', width: 17, kind: 'dateTime' }),
  col({ key: 'state', zh: '状态', en: 'State', width: 10 }),
  customerCode,
  customerName,
  col({ key: 'device', zh: '设备', en: 'Device', width: 24 }),
  col({ key: 'serviceType', zh: '服务类型', en: 'Service type', width: 10 }),
  col({ key: 'fault', zh: '预约故障', en: 'Expected fault', width: 30 }),
  col({ key: 'channel', zh: '预约渠道', en: 'Booked by', width: 10 }),
  col({ key: 'technician', zh: '技术员', en: 'Technician', width: 12 }),
  col({ key: 'bay', zh: '工位', en: 'Bay', width: 10 }),
  col({ key: 'note', zh: '备注', en: 'Note', width: 24 }),
  col({ key: 'cancelReason', zh: '取消原因', en: 'Cancel reason', width: 20 }),
  orderNo,
  col({ key: 'closedAt', zh: '办结时间', en: 'Closed at', width: 17, kind: 'dateTime' }),
  col({ key: 'closedBy', zh: '办结人', en: 'Closed by', width: 12 }),
  col({ key: 'remindedAt', zh: '提醒时间', en: 'Reminded at', width: 17, kind: 'dateTime' }),
  user,
  at,
] as const;

export const ONSITE_JOB_COLUMNS = [
  orderNo,
  col({ key: 'address', zh: '上门地址', en: 'Visit address', width: 30 }),
  col({ key: 'day', zh: '上门日期', en: 'Visit day', width: 12 }),
  col({ key: 'fromTime', zh: '开始', en: 'From', width: 8 }),
  col({ key: 'toTime', zh: '结束', en: 'To', width: 8 }),
  col({ key: 'technicians', zh: '上门技师', en: 'Visiting technicians', width: 20 }),
  col({ key: 'travelFee', zh: '上门费(元)', en: 'Travel fee (CNY)', width: 12, kind: 'money' }),
  col({ key: 'arrivedAt', zh: '到达时间', en: 'Arrived', width: 17, kind: 'dateTime' }),
  col({ key: 'arrivedBy', zh: '到达记录人', en: 'Arrival by', width: 12 }),
  col({ key: 'finishedAt', zh: '完工时间', en: 'Finished', width: 17, kind: 'dateTime' }),
  col({ key: 'finishedBy', zh: '完工记录人', en: 'Finish by', width: 12 }),
  col({ key: 'createdAt', zh: '安排时间', en: 'Scheduled', width: 17, kind: 'dateTime' }),
] as const;

export const MAINTENANCE_PLAN_COLUMNS = [
  customerCode,
  customerName,
  col({ key: 'device', zh: '设备', en: 'Device', width: 24 }),
  col({ key: 'serialNo', zh: '序列号', en: 'Serial no.', width: 20 }),
  col({ key: 'name', zh: '保养项目', en: 'Plan', width: 16 }),
  col({ key: 'intervalDays', zh: '间隔天数', en: 'Every (days)', width: 10, kind: 'int' }),
  col({ key: 'intervalUsage', zh: '间隔用量', en: 'Every (usage)', width: 10, kind: 'int' }),
  col({ key: 'unit', zh: '单位', en: 'Unit', width: 8 }),
  col({ key: 'lastServiceOn', zh: '上次保养', en: 'Last service', width: 12 }),
  col({ key: 'lastServiceReading', zh: '上次读数', en: 'Last reading', width: 10, kind: 'int' }),
  col({ key: 'nextDueOn', zh: '下次到期', en: 'Next due', width: 12 }),
  col({ key: 'nextDueReading', zh: '到期读数', en: 'Due reading', width: 10, kind: 'int' }),
  col({ key: 'active', zh: '启用', en: 'Active', width: 8 }),
  createdAt,
] as const;

export const SERVICE_CONTRACT_COLUMNS = [
  col({ key: 'contractNo', zh: '合同号', en: 'Contract no.', width: 22 }),
  customerCode,
  customerName,
  col({ key: 'devices', zh: '保障设备', en: 'Covered devices', width: 30 }),
  col({ key: 'startsOn', zh: '开始日期', en: 'Starts', width: 12 }),
  col({ key: 'endsOn', zh: '结束日期', en: 'Ends', width: 12 }),
  col({ key: 'visits', zh: '包含次数', en: 'Visits', width: 8, kind: 'int' }),
  col({ key: 'covers', zh: '保障范围', en: 'Covers', width: 12 }),
  notes,
  user,
  createdAt,
] as const;

export const CONTRACT_VISIT_COLUMNS = [
  col({ key: 'contractNo', zh: '合同号', en: 'Contract no.', width: 22 }),
  orderNo,
  at,
] as const;

export const DAY_CLOSE_COLUMNS = [
  col({ key: 'businessDate', zh: '营业日', en: 'Business day', width: 12 }),
  col({ key: 'action', zh: '操作', en: 'Action', width: 10 }),
  col({ key: 'reason', zh: '原因', en: 'Reason', width: 24 }),
  at,
  user,
] as const;

/** Never the password hash, the failed-attempt count or anything else about signing in. */
export const USER_COLUMNS = [
  col({ key: 'username', zh: '用户名', en: 'Username', width: 14 }),
  col({ key: 'displayName', zh: '姓名', en: 'Name', width: 14 }),
  col({ key: 'role', zh: '角色', en: 'Role', width: 10 }),
  col({ key: 'disabled', zh: '已停用', en: 'Disabled', width: 8 }),
  col({ key: 'lastSignInAt', zh: '最后登录', en: 'Last sign-in', width: 17, kind: 'dateTime' }),
  createdAt,
] as const;

/** Every print of a form (补打 from the second): when, by whom, which form of which document. */
export const PRINT_COLUMNS = [
  at,
  user,
  col({ key: 'form', zh: '表单', en: 'Form', width: 14 }),
  col({ key: 'document', zh: '单据', en: 'Document', width: 38 }),
] as const;

export const AUDIT_COLUMNS = [
  at,
  user,
  terminal,
  col({ key: 'action', zh: '动作', en: 'Action', width: 10 }),
  col({ key: 'entity', zh: '对象', en: 'Entity', width: 12 }),
  col({ key: 'entityId', zh: '对象 ID', en: 'Entity ID', width: 38 }),
  col({ key: 'before', zh: '修改前', en: 'Before', width: 40 }),
  col({ key: 'after', zh: '修改后', en: 'After', width: 40 }),
] as const;

/** A satisfaction score's header is its dimension's word (labels.ts), so it reads as on screen. */
const scoreColumn = <K extends SatisfactionDimension>(key: K): Column<K> =>
  col({
    key,
    zh: `${LABELS.satisfactionDimensions['zh-CN'][key]}(1–5)`,
    en: `${LABELS.satisfactionDimensions['en-US'][key]} (1–5)`,
    width: 10,
    kind: 'int',
  });
const complaintNo = col({ key: 'complaintNo', zh: '投诉单号', en: 'Complaint no.', width: 22 });
const reworkOrderNo = col({ key: 'reworkOrderNo', zh: '返修工单号', en: 'Rework order no.', width: 22 });

/** 回访: one row per follow-up, the order it follows by its number. */
export const FOLLOW_UP_COLUMNS = [
  orderNo,
  customerCode,
  customerName,
  col({ key: 'dueAt', zh: '应回访时间', en: 'Due', width: 17, kind: 'dateTime' }),
  col({ key: 'state', zh: '回访状态', en: 'State', width: 10 }),
  col({ key: 'attempts', zh: '拨打次数', en: 'Calls made', width: 8, kind: 'int' }),
  scoreColumn('attitude'),
  scoreColumn('quality'),
  scoreColumn('timeliness'),
  scoreColumn('price'),
  col({ key: 'comment', zh: '客户评价', en: 'Comment', width: 30 }),
  col({ key: 'problemUnsolved', zh: '问题未解决', en: 'Problem not solved', width: 10 }),
  complaintNo,
  reworkOrderNo,
  col({ key: 'doneAt', zh: '完成时间', en: 'Done', width: 17, kind: 'dateTime' }),
  col({ key: 'doneBy', zh: '回访人', en: 'Done by', width: 12 }),
  createdAt,
] as const;

/** 回访记录: every call, whatever it found. */
export const FOLLOW_UP_CALL_COLUMNS = [
  orderNo,
  at,
  col({ key: 'result', zh: '结果', en: 'Result', width: 10 }),
  col({ key: 'note', zh: '说明', en: 'Note', width: 30 }),
  user,
] as const;

/** 投诉: never deleted, so every complaint the shop took is here. Money in 元. */
export const COMPLAINT_COLUMNS = [
  complaintNo,
  col({ key: 'status', zh: '状态', en: 'Status', width: 10 }),
  customerCode,
  customerName,
  orderNo,
  col({ key: 'followUpOf', zh: '回访工单号', en: 'From follow-up of', width: 22 }),
  col({ key: 'staff', zh: '涉及员工', en: 'Staff member', width: 12 }),
  col({ key: 'channel', zh: '投诉渠道', en: 'Channel', width: 10 }),
  col({ key: 'category', zh: '投诉类别', en: 'Category', width: 10 }),
  col({ key: 'severity', zh: '严重程度', en: 'Severity', width: 8 }),
  col({ key: 'description', zh: '投诉内容', en: 'Description', width: 40 }),
  col({ key: 'owner', zh: '处理人', en: 'Owner', width: 12 }),
  col({ key: 'firstResponseDue', zh: '首次响应期限', en: 'First response due', width: 17, kind: 'dateTime' }),
  col({ key: 'resolutionDue', zh: '处理期限', en: 'Resolution due', width: 17, kind: 'dateTime' }),
  col({ key: 'firstRespondedAt', zh: '首次响应时间', en: 'First responded', width: 17, kind: 'dateTime' }),
  col({ key: 'resolvedAt', zh: '答复时间', en: 'Resolved', width: 17, kind: 'dateTime' }),
  col({ key: 'closedAt', zh: '关闭时间', en: 'Closed', width: 17, kind: 'dateTime' }),
  col({ key: 'resolutionKind', zh: '处理方式', en: 'Resolution', width: 10 }),
  col({ key: 'resolutionNote', zh: '处理说明', en: 'Resolution note', width: 30 }),
  col({ key: 'refundAmount', zh: '退款金额(元)', en: 'Refund (CNY)', width: 12, kind: 'money' }),
  col({ key: 'refundSettlementNo', zh: '退款结算单号', en: 'Refund settlement no.', width: 22 }),
  reworkOrderNo,
  col({ key: 'compensation', zh: '补偿金额(元)', en: 'Compensation (CNY)', width: 12, kind: 'money' }),
  col({ key: 'confirmedBy', zh: '客户确认人', en: 'Confirmed by', width: 12 }),
  col({ key: 'confirmationNote', zh: '确认说明', en: 'Confirmation note', width: 24 }),
  col({ key: 'confirmedAt', zh: '确认时间', en: 'Confirmed', width: 17, kind: 'dateTime' }),
  col({ key: 'createdBy', zh: '受理人', en: 'Received by', width: 12 }),
  col({ key: 'createdAt', zh: '受理时间', en: 'Received', width: 17, kind: 'dateTime' }),
] as const;

/** 投诉处理记录: each step of a complaint, as its order's timeline is for an order. */
export const COMPLAINT_EVENT_COLUMNS = [
  complaintNo,
  at,
  col({ key: 'kind', zh: '类型', en: 'Kind', width: 10 }),
  col({ key: 'fromStatus', zh: '原状态', en: 'From', width: 10 }),
  col({ key: 'toStatus', zh: '新状态', en: 'To', width: 10 }),
  col({ key: 'note', zh: '说明', en: 'Note', width: 30 }),
  user,
  terminal,
  col({ key: 'data', zh: '详情', en: 'Details', width: 40 }),
] as const;
