import { BrowserWindow, type WebContents } from 'electron';
import type { HostLink, HostState } from '../terminal/forwarder';
import { handleRpcChannel, NOTICE_CHANNEL } from './ipc';

/** What the preload's `shell.onHostState` listens to (notices use the host windows' channel). */
export const HOST_STATE_CHANNEL = 'hostState';

/**
 * Terminal mode: the renderer's `rpc` calls go to the host through the link, each window with its own
 * cookies (its own sign-in), as each window has its own session on the host PC. A closed window signs
 * its user out at the host. Returns the function that unregisters the channel.
 */
export function registerTerminalRpc(link: HostLink, appUrl: string): () => void {
  const known = new Set<number>();
  const connectionFor = (sender: WebContents): string => {
    const id = sender.id;
    if (!known.has(id)) {
      known.add(id);
      // The id may be reused by a later window: forget this one's cookies when it goes.
      sender.once('destroyed', () => {
        known.delete(id);
        link.forget(String(id));
      });
    }
    return String(id);
  };
  return handleRpcChannel(appUrl, (sender, method, input) =>
    link.invoke(connectionFor(sender), method, input),
  );
}

function sendToAll(channel: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.webContents.isDestroyed()) window.webContents.send(channel, payload);
  }
}

/** The host's change notices and its reachability, passed on to every window. */
export function relayNotices(link: HostLink): () => void {
  return link.subscribe({
    notice: (notice) => sendToAll(NOTICE_CHANNEL, notice),
    state: (state: HostState) => sendToAll(HOST_STATE_CHANNEL, state),
  });
}
