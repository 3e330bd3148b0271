import { ipcMain } from 'electron';
import { rpcError, type Envelope } from '@shared/errors';
import { connectHostInput, type ConnectHost } from '@shared/schemas/lan';
import { senderUrl } from './ipc';
import { isTrustedSender } from './security';

/** The first-run channels (not the contract: they choose which backend the contract talks to). */
export const SHELL_CHANNELS = {
  firstRun: 'shell:firstRun',
  chooseHost: 'shell:chooseHost',
  connect: 'shell:connect',
  pairAgain: 'shell:pairAgain',
} as const;

export interface ShellActions {
  /** True while this PC has chosen neither host nor terminal (no mode file, no database). */
  firstRun(): boolean;
  /** "本机保存店里的数据": remember the choice and open the database. */
  chooseHost(): Promise<void>;
  /** "连接店里的主机": pair, remember the host and its pin, and switch to terminal mode. */
  connect(input: ConnectHost): Promise<Envelope<Record<string, never>>>;
  /** A terminal whose host refuses it (revoked, new certificate): forget the host and choose again. */
  pairAgain(): Promise<void>;
}

const untrusted = (): Envelope<never> => ({
  ok: false,
  error: rpcError('untrustedSender', {}, 'untrusted sender'),
});

/** Register the shell channels; only the app's own page may call them. Returns the unregister function. */
export function registerShell(appUrl: string, actions: ShellActions): () => void {
  ipcMain.handle(SHELL_CHANNELS.firstRun, (event) =>
    isTrustedSender(senderUrl(event), appUrl) ? actions.firstRun() : false,
  );
  ipcMain.handle(SHELL_CHANNELS.chooseHost, async (event) => {
    // Choosing is possible once: a PC that already is a host or a terminal stays so.
    if (isTrustedSender(senderUrl(event), appUrl) && actions.firstRun()) await actions.chooseHost();
  });
  ipcMain.handle(SHELL_CHANNELS.connect, async (event, input: unknown) => {
    if (!isTrustedSender(senderUrl(event), appUrl)) return untrusted();
    if (!actions.firstRun())
      return { ok: false, error: rpcError('forbidden', {}, 'this PC has chosen already') };
    const parsed = connectHostInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: rpcError('invalidInput', {}, parsed.error.message) };
    return actions.connect(parsed.data);
  });
  ipcMain.handle(SHELL_CHANNELS.pairAgain, async (event) => {
    if (isTrustedSender(senderUrl(event), appUrl)) await actions.pairAgain();
  });
  return () => Object.values(SHELL_CHANNELS).forEach((channel) => ipcMain.removeHandler(channel));
}
