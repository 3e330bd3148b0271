export { createPlan, devicePlans, reportReading, servicePlansOnDelivery, updatePlan } from './plans';
export { dueList } from './dueList';
export { createContract, getContract, listContracts, openContractVisit } from './contracts';
export { warrantyExpiring } from './warrantyExpiring';
