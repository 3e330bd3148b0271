// The renderer's only door to the main process: one call, one channel, no Node and no ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChangeNotice } from '@shared/schemas/lan';

/** Only the notice's own fields cross to the page (never the event, which carries the sender). */
function noticeOf(value: unknown): ChangeNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v['kind'] === 'signedOut' && (v['reason'] === 'restored' || v['reason'] === 'revoked'))
    return { kind: 'signedOut', reason: v['reason'] };
  if (v['kind'] !== 'change' || typeof v['entity'] !== 'string' || typeof v['action'] !== 'string')
    return null;
  const id = typeof v['id'] === 'string' ? v['id'] : null;
  // The main process sends only notices it built from the contract's enums.
  return { kind: 'change', entity: v['entity'], id, action: v['action'] } as ChangeNotice;
}

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', method, input),
  /** The host's change feed; returns the function that stops listening. */
  onNotice: (listener: (notice: ChangeNotice) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, value: unknown) => {
      const notice = noticeOf(value);
      if (notice) listener(notice);
    };
    ipcRenderer.on('notice', handler);
    return () => ipcRenderer.removeListener('notice', handler);
  },
});
