import type { Handlers } from './handlerTypes';
import { foundationHandlers } from './handlers/foundation';
import { customerHandlers } from './handlers/customers';
import { workOrderHandlers } from './handlers/workOrders';
import { stockHandlers } from './handlers/stock';
import { excelHandlers } from './handlers/excel';
import { settlementHandlers } from './handlers/settlements';
import { backupHandlers } from './handlers/backup';
import { reportHandlers } from './handlers/reports';
import { printHandlers } from './handlers/prints';
import { lanHandlers } from './handlers/lan';
import { followUpHandlers } from './handlers/followUps';
import { complaintHandlers } from './handlers/complaints';
import { channelHandlers } from './handlers/channels';
import { messageHandlers } from './handlers/messages';
import { appointmentHandlers } from './handlers/appointments';
import { onsiteHandlers } from './handlers/onsite';
import { maintenanceHandlers, contractHandlers } from './handlers/maintenance';
import { historyHandlers } from './handlers/history';

/** Every contract method's handler, gathered from the areas' files in handlers/. */
export const handlers: Handlers = {
  ...foundationHandlers,
  ...customerHandlers,
  ...workOrderHandlers,
  ...stockHandlers,
  ...excelHandlers,
  ...settlementHandlers,
  ...backupHandlers,
  ...reportHandlers,
  ...printHandlers,
  ...lanHandlers,
  ...followUpHandlers,
  ...complaintHandlers,
  ...channelHandlers,
  ...messageHandlers,
  ...appointmentHandlers,
  ...onsiteHandlers,
  ...maintenanceHandlers,
  ...contractHandlers,
  ...historyHandlers,
};
