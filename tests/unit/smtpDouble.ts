import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 (smtp-server) that checks the account and keeps what it received. */
export interface SmtpDouble {
  port: number;
  /** The certificate it presents (STARTTLS or TLS), for the client to trust. */
  cert: string;
  mails: { raw: string; parsed: ParsedMail; user: string | null; secure: boolean }[];
  /** Reply to the next RCPT TO with this SMTP code (450 mailbox busy, 550 no such user). */
  refuseNextRecipient(code: number, text: string): void;
  close(): Promise<void>;
}

export interface SmtpDoubleOptions {
  user: string;
  password: string;
  /** true: TLS from the first byte (port 465 style); false: plain, STARTTLS offered. */
  secure: boolean;
  /** Turn STARTTLS off (a plain server) so a client that requires it is refused. */
  noStartTls?: boolean;
}

let certificate: Promise<{ cert: string; key: string }> | null = null;

/** One certificate for 127.0.0.1 for the whole run (made once: key generation is slow). */
function testCertificate(): Promise<{ cert: string; key: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7 as const, ip: '127.0.0.1' }] },
    ],
  }).then((pems) => ({ cert: pems.cert, key: pems.private }));
  return certificate;
}

export async function startSmtpDouble(options: SmtpDoubleOptions): Promise<SmtpDouble> {
  const { cert, key } = await testCertificate();
  const mails: SmtpDouble['mails'] = [];
  let refusal: { code: number; text: string } | null = null;
  const settings: SMTPServerOptions = {
    secure: options.secure,
    key,
    cert,
    hideSTARTTLS: options.noStartTls === true,
    authMethods: ['PLAIN', 'LOGIN'],
    // A plain server still takes AUTH (the shop chose 'none'); a real one may refuse it.
    allowInsecureAuth: true,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      const refused = refusal;
      refusal = null;
      if (refused) return callback(Object.assign(new Error(refused.text), { responseCode: refused.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const user = typeof session.user === 'string' ? session.user : null;
            mails.push({ raw, parsed, user, secure: session.secure });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  };
  const server = new SMTPServer(settings);
  // A client that gives up (an untrusted certificate) is the client's failure, not the double's.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    cert,
    mails,
    refuseNextRecipient: (code, text) => (refusal = { code, text }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
