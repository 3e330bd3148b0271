import { AppError } from '@shared/errors';
import type { LanSettings, LanStatus } from '@shared/schemas/lan';
import type { Core } from '../core';
import { startLanServer, type LanServer } from '../http/lanServer';
import { changedFields, writeLoneAudit } from '../services/audit';
import type { Actor, LanGate } from '../services/context';
import { reachableAddresses } from './addresses';
import { hostCertificate, type HostCertificate } from './certificate';
import { PairingCodes } from './pairing';
import { readLanSettings, writeLanSettings } from './settings';

function sameListener(a: LanSettings, b: LanSettings): boolean {
  return a.enabled && b.enabled && a.address === b.address && a.port === b.port;
}

/**
 * Host mode (设置 → 局域网共享): the HTTPS listener for the shop's terminals, started from the
 * settings kept in `<dataDir>/lan/`, restarted when the admin changes them, and the one open pairing
 * code. Handlers reach it as `deps.lan`.
 */
export class LanHost implements LanGate {
  readonly pairing: PairingCodes;
  private settings: LanSettings;
  private server: LanServer | null = null;
  private listenError: string | null = null;
  private certificate: HostCertificate | null = null;
  /** One change of the listener at a time (two admins pressing save together). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly core: Core,
    private readonly rendererDir: string | null,
  ) {
    this.settings = readLanSettings(core.dataDir);
    this.pairing = new PairingCodes(core.deps.now);
  }

  /** The listener, if the settings ask for one; a port that cannot be opened is reported, not thrown. */
  start(): Promise<void> {
    return this.serially(async () => {
      await this.cert();
      if (this.settings.enabled) this.listenError = await this.listen(this.settings);
    });
  }

  async status(): Promise<LanStatus> {
    const { fingerprint } = await this.cert();
    const port = this.server?.port ?? this.settings.port;
    return {
      settings: { ...this.settings },
      running: this.server !== null,
      listenError: this.settings.enabled ? this.listenError : null,
      fingerprint,
      addresses: reachableAddresses(this.settings.address).map((address) => ({
        address,
        url: `https://${address}:${port}/`,
      })),
      pairing: this.pairing.current(),
    };
  }

  /** New settings take effect only if the listener starts with them; else the old ones stay. */
  async configure(next: LanSettings, actor: Actor | null): Promise<LanStatus> {
    await this.serially(async () => {
      const before = this.settings;
      // Saving the same settings again retries a listener that could not start (the port is free now).
      if (!sameListener(before, next) || (next.enabled && this.server === null)) {
        await this.stopListening();
        const error = next.enabled ? await this.listen(next) : null;
        if (error !== null) {
          // Back to what ran before, so a typo in the port never takes the terminals offline.
          if (before.enabled) this.listenError = await this.listen(before);
          throw new AppError(
            'lanListenFailed',
            { address: next.address, port: next.port, detail: error },
            `could not listen on ${next.address}:${next.port}: ${error}`,
          );
        }
        this.listenError = null;
      }
      writeLanSettings(this.core.dataDir, next);
      this.settings = { ...next };
      const changed = changedFields(before, next);
      if (changed)
        writeLoneAudit(this.core.deps.db, {
          at: this.core.deps.now(),
          actor,
          action: 'update',
          entity: 'settings',
          entityId: 'lan',
          ...changed,
        });
    });
    return this.status();
  }

  newPairingCode(): Promise<LanStatus> {
    this.pairing.create();
    return this.status();
  }

  cancelPairingCode(): Promise<LanStatus> {
    this.pairing.cancel();
    return this.status();
  }

  close(): Promise<void> {
    return this.serially(() => this.stopListening());
  }

  private async cert(): Promise<HostCertificate> {
    this.certificate ??= await hostCertificate(this.core.dataDir, this.core.deps.now());
    return this.certificate;
  }

  /** Opens the listener; answers why not (the port is taken, no such address) or null. */
  private async listen(settings: LanSettings): Promise<string | null> {
    try {
      this.server = await startLanServer(this.core, {
        address: settings.address,
        port: settings.port,
        certificate: await this.cert(),
        rendererDir: this.rendererDir,
        pairing: this.pairing,
      });
      return null;
    } catch (error) {
      this.core.deps.log.error(`LAN listener on ${settings.address}:${settings.port} failed`, error);
      return error instanceof Error ? error.message : String(error);
    }
  }

  private async stopListening(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** The LAN host of a core: reachable by the handlers, listening if its settings say so. */
export async function startLanHost(core: Core, rendererDir: string | null): Promise<LanHost> {
  const host = new LanHost(core, rendererDir);
  core.deps.lan = host;
  await host.start();
  return host;
}
