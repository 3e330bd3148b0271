export { setOnsite, assignOnsite } from './schedule';
export { arriveOnsite, finishOnsite, signOnsite } from './visit';
export { onsiteOfOrder, onsiteBoard, routeSheets, onsiteReport } from './views';
