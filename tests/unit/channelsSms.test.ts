import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAliyunSmsProvider,
  mapSmsReply,
  percentEncode,
  signRpc,
  smsEndpoint,
  type AliyunSmsConfig,
} from '../../src/main/services/channels/aliyunSms';
import { mainlandMobile } from '../../src/main/services/channels/mobile';
import type { OutgoingMessage } from '../../src/main/services/channels/provider';
import { FakeClock } from './harness';
import { documentedSignature, errorReply, REQUIRED, startSmsDouble, type SmsDouble } from './smsDouble';

const KEY_ID = 'LTAI5tTestKeyId0001';
// Characters the encoding rules treat specially, so a slip in them cannot pass.
const SECRET = 'test/Secret+=*~ 密钥';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  idempotencyKey: '0193a8f0-7c5e-7000-8000-00000000abcd',
  event: 'readyForPickup',
  to: '+86 138-0013-8000',
  text: '张先生您好，您的设备 iPhone 13 已修好，请到城东维修中心取机。',
  params: { 客户: '张先生', 设备: 'iPhone 13', 店名: '城东维修中心', note: "a b*c~d!'()" },
  ...over,
});

describe('the RPC signature as documented', () => {
  it('reproduces the example of the Signature mechanism document', () => {
    // help.aliyun.com/document_detail/145075.html: DescribeRegions signed with "testsecret".
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(signRpc(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(documentedSignature(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes by the document’s rules', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('2016-02-23T12:46:24Z')).toBe('2016-02-23T12%3A46%3A24Z');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
    expect(percentEncode('/+=')).toBe('%2F%2B%3D');
  });

  it('takes mainland mobile numbers only', () => {
    expect(mainlandMobile('13800138000')).toBe('13800138000');
    expect(mainlandMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(mainlandMobile('0086 19912345678')).toBe('19912345678');
    for (const bad of ['12800138000', '1380013800', '138001380001', '010-88886666', '+852 91234567', 'abc'])
      expect(mainlandMobile(bad), bad).toBeNull();
  });

  it('sends only to https endpoints, or plain http on this PC', () => {
    expect(smsEndpoint('dysmsapi.aliyuncs.com')).toEqual({ ok: true, url: 'https://dysmsapi.aliyuncs.com/' });
    expect(smsEndpoint('http://127.0.0.1:8080')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/' });
    expect(smsEndpoint('http://dysmsapi.aliyuncs.com')).toEqual({ ok: false, problem: 'plainHttp' });
    expect(smsEndpoint('https://x.example/path')).toEqual({ ok: false, problem: 'notAddress' });
    expect(smsEndpoint('ftp://x.example')).toEqual({ ok: false, problem: 'notAddress' });
    expect(smsEndpoint('not a host')).toEqual({ ok: false, problem: 'notAddress' });
  });
});

describe('SendSms against the local double', () => {
  let double: SmsDouble;
  const clock = new FakeClock();
  let config: AliyunSmsConfig;

  beforeEach(async () => {
    double = await startSmsDouble({ accessKeyId: KEY_ID, accessKeySecret: SECRET, now: clock.now });
    config = {
      accessKeyId: KEY_ID,
      accessKeySecret: SECRET,
      signName: '城东维修',
      endpoint: double.url,
      templateCodes: { readyForPickup: 'SMS_154950909', received: 'SMS_154950001' },
    };
  });
  afterEach(() => double.close());

  it('sends a request the double finds exactly as documented, and reads the BizId', async () => {
    const sms = createAliyunSmsProvider(config, { now: clock.now });
    const result = await sms.send(message());
    expect(double.requests).toHaveLength(1);
    const [request] = double.requests;
    expect(request?.problems).toEqual([]);
    expect(Object.keys(request?.params ?? {}).sort()).toEqual([...REQUIRED, 'TemplateParam'].sort());
    expect(request?.params).toMatchObject({
      AccessKeyId: KEY_ID,
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13800138000',
      SignName: '城东维修',
      TemplateCode: 'SMS_154950909',
      OutId: '0193a8f0-7c5e-7000-8000-00000000abcd',
      Timestamp: '2026-11-23T02:00:00Z',
    });
    expect(JSON.parse(request?.params.TemplateParam ?? '')).toEqual(message().params);
    expect(result).toEqual({ ok: true, providerMessageId: '9006197469364981^0' });
  });

  it('uses a fresh nonce on every attempt and the same OutId', async () => {
    const sms = createAliyunSmsProvider(config, { now: clock.now });
    await sms.send(message());
    await sms.send(message());
    const [a, b] = double.requests;
    expect(a?.params.SignatureNonce).not.toBe(b?.params.SignatureNonce);
    expect(a?.params.OutId).toBe(b?.params.OutId);
    expect(double.requests.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('gets SignatureDoesNotMatch with another secret, and does not retry it', async () => {
    const sms = createAliyunSmsProvider({ ...config, accessKeySecret: 'wrong' }, { now: clock.now });
    expect(await sms.send(message())).toEqual({
      ok: false,
      retryable: false,
      reason: 'Specified signature is not matched with our calculation.（SignatureDoesNotMatch）',
    });
  });

  it('gets InvalidAccessKeyId.NotFound with another key id', async () => {
    const sms = createAliyunSmsProvider({ ...config, accessKeyId: 'LTAIother' }, { now: clock.now });
    const result = await sms.send(message());
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.reason).toContain('InvalidAccessKeyId.NotFound');
  });

  it('maps the documented error replies: throttling and 5xx retry, bad number / template / sign do not', async () => {
    const sms = createAliyunSmsProvider(config, { now: clock.now });
    const cases = [
      [errorReply('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1'), true],
      [errorReply('isv.DAY_LIMIT_CONTROL', '触发日发送限额'), true],
      [errorReply('Throttling.User', 'Request was denied due to user flow control.', 400), true],
      [
        errorReply(
          'ServiceUnavailable',
          'The request has failed due to a temporary failure of the server.',
          503,
        ),
        true,
      ],
      [{ status: 502, body: '<html>Bad Gateway</html>' }, true],
      [errorReply('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号'), false],
      [errorReply('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板'), false],
      [errorReply('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名'), false],
      [errorReply('isv.AMOUNT_NOT_ENOUGH', '账户余额不足'), false],
      [errorReply('isv.INVALID_PARAMETERS', '参数格式不正确'), false],
    ] as const;
    for (const [reply] of cases) double.script(reply);
    for (const [reply, retryable] of cases) {
      const result = await sms.send(message());
      const said = 'body' in reply && typeof reply.body === 'object' ? reply.body.Message : null;
      expect(result, JSON.stringify(reply)).toMatchObject({ ok: false, retryable });
      if (said && !result.ok) expect(result.reason).toContain(said);
    }
    expect(double.requests.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('does not follow a redirect with the signed request', async () => {
    const sms = createAliyunSmsProvider(config, { now: clock.now });
    double.script({ status: 302, body: '', headers: { location: `${double.url}/elsewhere` } });
    expect(await sms.send(message())).toEqual({
      ok: false,
      retryable: false,
      reason: '短信平台的回复无法识别（HTTP 302）',
    });
  });

  it('counts a reply it cannot read as not sent', () => {
    expect(mapSmsReply(200, 'not json')).toMatchObject({ ok: false, retryable: false });
    expect(mapSmsReply(200, JSON.stringify({ Code: 'OK' }))).toMatchObject({ ok: false });
  });

  it('retries a timeout and a provider it cannot reach', async () => {
    double.script({ delayMs: 1_000 });
    const slow = createAliyunSmsProvider(config, { now: clock.now, timeoutMs: 200 });
    expect(await slow.send(message())).toEqual({
      ok: false,
      retryable: true,
      reason: '短信平台无应答（超时）',
    });

    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const offline = createAliyunSmsProvider(
      { ...config, endpoint: `http://127.0.0.1:${port}` },
      { now: clock.now },
    );
    const result = await offline.send(message());
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.reason).toContain('无法连接短信平台');
  });

  it('refuses a bad number or an event without a template before asking anyone', async () => {
    const sms = createAliyunSmsProvider(config, { now: clock.now });
    expect(await sms.send(message({ to: '010-88886666' }))).toEqual({
      ok: false,
      retryable: false,
      reason: '不是有效的中国大陆手机号：010-88886666',
    });
    expect(await sms.send(message({ event: 'complaintUpdate' }))).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(double.requests).toHaveLength(0);
  });
});
