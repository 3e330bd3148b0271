import type { depositsZhCN } from './deposits.zh-CN';

export const depositsEnUS: typeof depositsZhCN = {
  title: 'Deposit',
  held: 'Deposit held',
  credited: 'Credited',
  refundDue: 'Deposit to refund',
  none: 'No deposit taken',
  take: 'Take deposit',
  refund: 'Refund deposit',
  method: 'Method',
  amountYuan: 'Deposit (CNY)',
  amountRequired: 'The deposit must be more than 0',
  reference: 'Reference',
  reason: 'Reason',
  intakeHelp: 'Optional: a deposit taken at intake, credited at settlement.',
  takeTitle: 'Take deposit: {{orderNo}}',
  refundTitle: 'Refund deposit: {{orderNo}}',
  refundHelp: 'A deposit refund needs a manager; once settled, only the part above the total may go back.',
  taken: 'Deposit {{amount}} taken ({{method}})',
  refunded: 'Deposit {{amount}} refunded ({{method}})',
  entry: {
    amount: 'Amount',
    approvedBy: 'Approved by',
  },
  settlementCredit: 'Deposit credited',
  willCredit:
    'Deposit {{amount}} taken: it is credited against the total; any part above the total goes back to the customer.',
  settlementRefundDue: 'Deposit to refund {{amount}}: refund it on the work order',
  dayTitle: 'Deposits (taken / refunded)',
  dayEmpty: 'No deposits on this day',
  print: {
    deposit: 'Deposit paid',
    label: 'Deposit {{amount}} ({{method}})',
  },
};
