import { networkInterfaces } from 'node:os';

/** This PC's IPv4 addresses on its networks (not loopback), as a terminal would reach it. */
export function lanIPv4Addresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? [])
      if (entry.family === 'IPv4' && !entry.internal) found.push(entry.address);
  }
  return [...new Set(found)];
}

/**
 * The addresses a terminal may open for a listener bound to `bound`: every LAN address (or
 * 127.0.0.1 when there is none) for `0.0.0.0`, else the bound address itself.
 */
export function reachableAddresses(bound: string): string[] {
  if (bound !== '0.0.0.0') return [bound];
  const lan = lanIPv4Addresses();
  return lan.length > 0 ? lan : ['127.0.0.1'];
}

/**
 * The Host headers the LAN listener answers to (anything else is refused against DNS rebinding):
 * the addresses it is reachable on, this PC's own loopback names, with the port (left out for 443,
 * as browsers do).
 */
export function acceptedHosts(bound: string, port: number): Set<string> {
  const names = new Set(reachableAddresses(bound));
  if (bound === '0.0.0.0') for (const own of ['127.0.0.1', 'localhost']) names.add(own);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 443) hosts.add(name);
  }
  return hosts;
}
