// The renderer's only door to the main process: one call, one channel, no Node and no ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** Subscribe to one main → renderer channel; returns the unsubscribe function. */
function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', method, input),
  /** The host's change notices (a LAN terminal, or the host's own windows). */
  onNotice: (listener: (notice: unknown) => void): (() => void) => listen('notice', listener),
});

// First run only: which this PC is (the shop's host, or a terminal of it). Not the contract.
contextBridge.exposeInMainWorld('shell', {
  firstRun: (): Promise<boolean> => ipcRenderer.invoke('shell:firstRun'),
  chooseHost: (): Promise<void> => ipcRenderer.invoke('shell:chooseHost'),
  connect: (input: unknown): Promise<unknown> => ipcRenderer.invoke('shell:connect', input),
  /** Forget a host that refuses this terminal, and choose again. */
  pairAgain: (): Promise<void> => ipcRenderer.invoke('shell:pairAgain'),
  /** A terminal's host went away or came back. */
  onHostState: (listener: (state: unknown) => void): (() => void) => listen('hostState', listener),
});
