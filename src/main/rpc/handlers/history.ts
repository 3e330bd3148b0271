import type { HandlersFor } from '../handlerTypes';
import * as history from '../../services/history';
import { removeSampleData } from '../../services/sampleData';

export const historyHandlers: HandlersFor<'history.'> & HandlersFor<'sampleData.'> = {
  'history.preview': (input, ctx) => history.previewHistory(ctx, input),
  'history.import': (input, ctx) => history.runHistoryImport(ctx, input),
  'history.progress': () => history.importProgress(),
  'history.template': (input, ctx) => history.historyTemplate(ctx, input.lang),
  'history.list': (_input, ctx) => history.listHistoryImports(ctx),
  'history.undo': (input, ctx) => ({ id: history.undoImport(ctx, input) }),
  'history.mappings': (_input, ctx) => history.listMappings(ctx),
  'history.saveMapping': (input, ctx) => history.saveMapping(ctx, input),
  'history.deleteMapping': (input, ctx) => history.deleteMapping(ctx, input),
  'sampleData.remove': async (_input, ctx) => {
    const result = await removeSampleData(ctx);
    ctx.conn.setSessionId(null);
    return result;
  },
};
