export { openFollowUpOnDelivery } from './create';
export { listFollowUps } from './list';
export { optOutFollowUps } from './optOut';
export { recordFollowUpCall } from './record';
