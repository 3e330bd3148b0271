// The renderer's only door to the main process: one call, one channel, no Node and no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', method, input),
});
