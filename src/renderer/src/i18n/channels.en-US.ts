import type { channelsZhCN } from './channels.zh-CN';

export const channelsEnUS: typeof channelsZhCN = {
  section: 'Message channels',
  intro:
    "Notify customers through the shop's own Alibaba Cloud SMS account and mailbox. Secrets are stored encrypted on this PC and never shown again once saved. {{keptBy}} {{restore}}",
  keptBy: {
    os: 'Secrets are encrypted by the system keychain.',
    keyFile:
      'Secrets are encrypted with a key file in the data folder (readable by this user only, never part of a backup).',
  },
  restoreHint:
    'After a backup is restored on another PC the secrets cannot be decrypted there: type them again.',
  secret: {
    notSet: 'Not set',
    set: 'Set',
    unreadable: 'Cannot be decrypted: type it again',
    keepPlaceholder: 'Leave empty to keep it',
    newPlaceholder: 'Type it, then save',
    clear: 'Remove the saved secret',
  },
  sms: {
    title: 'SMS (Alibaba Cloud SMS)',
    enabled: 'Send SMS',
    accessKeyId: 'AccessKey ID',
    accessKeySecret: 'AccessKey Secret',
    signName: 'Sign name',
    signNameHelp: 'Exactly as approved in the Alibaba Cloud console, e.g. 城东维修',
    endpoint: 'Endpoint',
    endpointHelp: 'dysmsapi.aliyuncs.com by default; rarely changed',
    templates: 'Template codes',
    templatesHelp:
      'For each event, the code of a template approved in the console (e.g. SMS_154950909); empty = no SMS for that event. Template variables are named as in the message templates.',
    save: 'Save SMS settings',
    testTo: 'Test mobile number',
    testEvent: 'Test template',
    test: 'Send a test SMS',
  },
  email: {
    title: 'E-mail (SMTP)',
    enabled: 'Send e-mail',
    host: 'SMTP server',
    port: 'Port',
    security: 'Encryption',
    securityNames: { none: 'None', starttls: 'STARTTLS', tls: 'SSL/TLS' },
    securityHelp: 'SSL/TLS usually on port 465, STARTTLS on 587',
    username: 'Account',
    password: 'Password / app code',
    fromAddress: 'From address',
    fromName: 'From name',
    save: 'Save e-mail settings',
    testTo: 'Test recipient',
    test: 'Send a test e-mail',
  },
  saved: 'Message channel settings saved',
  testSent: 'Test message sent (id {{id}})',
  testFailed: 'Not sent: {{reason}}',
  testFailedRetryable: 'Not sent for now (may be retried): {{reason}}',
  saveFirst: 'The test uses the saved settings: save first.',
};
