import type { lanZhCN } from './lan.zh-CN';

export const lanEnUS: typeof lanZhCN = {
  title: 'LAN sharing',
  intro:
    "With host mode on, the shop's other PCs and tablets work on this PC's data over the LAN. A shop with one PC does not need it.",
  host: 'Host',
  settings: {
    section: 'Host mode',
    enabled: 'Host mode',
    enabledHint:
      "This PC keeps the shop's data; other PCs and tablets connect as terminals (encrypted, HTTPS).",
    address: 'Listen address',
    addressHint:
      '0.0.0.0 means every address of this PC; or one of its LAN IPv4 addresses, e.g. 192.168.1.10',
    port: 'Port',
    portHint: '1024–65535, 8443 by default',
    save: 'Save',
    saved: 'LAN sharing settings saved',
  },
  status: {
    section: 'Status',
    running: 'Sharing',
    off: 'Off',
    failed: 'Could not start',
    addresses: 'Addresses for terminals',
    noAddresses: 'No LAN address of this PC was found',
    fingerprint: 'Certificate fingerprint (SHA-256)',
    fingerprintHint:
      "The first time a terminal opens the address its browser warns that the certificate is not trusted: check that the SHA-256 fingerprint in the browser's certificate details is this one.",
    copy: 'Copy',
  },
  code: {
    section: 'Pairing code',
    none: 'Make a pairing code to add a terminal: valid 10 minutes, void after 5 wrong tries, used once.',
    notRunning: 'Turn host mode on to pair terminals.',
    create: 'Make pairing code',
    renew: 'Make a new one',
    cancel: 'Void code',
    cancelled: 'Pairing code voided',
    expiresIn: 'Expires in {{time}}',
    expired: 'Expired',
    triesLeft: '{{n}} wrong tries left',
    scan: "Scan the QR code with the tablet, or open the address below in the terminal's browser and enter the code.",
  },
  terminals: {
    section: 'Paired terminals',
    empty: 'No terminal is paired yet',
    name: 'Terminal name',
    address: 'Address',
    lastSeen: 'Last seen',
    signedInAs: 'Signed in',
    pairedAt: 'Paired',
    state: 'State',
    active: 'Active',
    revoked: 'Revoked',
    rename: 'Rename',
    renameTitle: 'Rename terminal: {{name}}',
    renamed: 'Terminal renamed',
    revoke: 'Revoke',
    revokeTitle: 'Revoke terminal "{{name}}"?',
    revokeBody:
      'Its next call is refused and whoever is signed in there is signed out. To use it again, pair it with a new code made on the host.',
    revokeOk: 'Revoke',
    revokedDone: 'Terminal revoked',
  },
  pairAgain: {
    title: 'The host refuses this PC',
    intro:
      "This PC must connect to the shop's host again: make a pairing code on the host under Settings → LAN sharing, then type the host's address and the code in the next step.",
    button: 'Connect to the host again',
  },
  pair: {
    title: 'Connect to the host',
    intro:
      "This device is not paired with the shop's host yet. Make a pairing code on the host under Settings → LAN sharing.",
    introRevoked:
      'To use this device again, an admin makes a new pairing code on the host under Settings → LAN sharing; pair again here.',
    code: 'Pairing code',
    codeFormat: 'Enter the 6 digits',
    name: 'Terminal name',
    namePlaceholder: 'e.g. Bench 2',
    fingerprintHint:
      "Security: when the browser warns about the certificate, open its details and check that the SHA-256 fingerprint is the one shown on the host's LAN sharing page before you go on.",
    submit: 'Pair',
    done: 'Paired as terminal "{{name}}": please sign in',
  },
  away: {
    title: 'Cannot reach the host; retrying…',
    hint: 'What is on screen stays; nothing can be saved until the connection is back.',
    back: 'Connected to the host again',
  },
  signedOut: {
    title: 'Signed out',
  },
  header: {
    terminal: 'Terminal: {{name}}',
  },
};
