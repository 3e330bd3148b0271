import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  windowOptions,
} from '../../src/main/electron/security';

const FILE_APP = 'file:///opt/after-sales/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('locks the renderer down', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('opens a hidden, counter-sized window titled 售后服务台', () => {
    expect(options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 680,
      show: false,
      title: '售后服务台',
    });
  });
});

describe('isAllowedNavigation for the packaged file page', () => {
  it('allows the app page itself, with any hash route or query', () => {
    expect(isAllowedNavigation(FILE_APP, FILE_APP)).toBe(true);
    expect(isAllowedNavigation(`${FILE_APP}#/work-orders/42`, FILE_APP)).toBe(true);
    expect(isAllowedNavigation(`${FILE_APP}?print=1#/receipt`, FILE_APP)).toBe(true);
  });

  it('treats different spellings of the same file as the same page', () => {
    // Chinese install folder: raw in one URL, percent-encoded in the other.
    const encoded = pathToFileURL('/opt/售后服务台/out/renderer/index.html').href;
    expect(isAllowedNavigation('file:///opt/售后服务台/out/renderer/index.html', encoded)).toBe(true);
    // Chromium and Node escape a few ASCII characters differently.
    expect(isAllowedNavigation('file:///opt/a^b/index.html', 'file:///opt/a%5Eb/index.html')).toBe(true);
    // Windows drive paths.
    const win = 'file:///C:/Program%20Files/%E5%94%AE%E5%90%8E/resources/app.asar/out/renderer/index.html';
    expect(
      isAllowedNavigation('file:///C:/Program Files/售后/resources/app.asar/out/renderer/index.html', win),
    ).toBe(true);
  });

  it('refuses other files', () => {
    expect(
      isAllowedNavigation('file:///opt/after-sales/resources/app.asar/out/renderer/other.html', FILE_APP),
    ).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', FILE_APP)).toBe(false);
    expect(isAllowedNavigation('file:///opt/after-sales/resources/app.asar/out/renderer/', FILE_APP)).toBe(
      false,
    );
    expect(isAllowedNavigation(`${FILE_APP}/extra`, FILE_APP)).toBe(false);
    // Same path on another host (a UNC share) is another file.
    expect(
      isAllowedNavigation('file://evil/opt/after-sales/resources/app.asar/out/renderer/index.html', FILE_APP),
    ).toBe(false);
    // Encoded separators are refused outright.
    expect(
      isAllowedNavigation('file:///opt/after-sales/resources/app.asar/out/renderer%2Findex.html', FILE_APP),
    ).toBe(false);
  });

  it('refuses other schemes', () => {
    for (const target of [
      'https://example.com/',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'blob:null/0b0f4e4a-5c7a-4f0b-9d8f-1c2d3e4f5a6b',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedNavigation(target, FILE_APP), target).toBe(false);
    }
  });
});

describe('isAllowedNavigation for the dev server', () => {
  it('allows the same origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/', DEV_APP)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/customers', DEV_APP)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/index.html?x=1', DEV_APP)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173', 'http://localhost:5173')).toBe(true);
  });

  it('refuses other origins, schemes and disguises', () => {
    for (const target of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://evil.example/',
      'http://localhost:5173.evil.example/',
      'http://user:pass@localhost:5173/',
      'blob:http://localhost:5173/0b0f4e4a-5c7a-4f0b-9d8f-1c2d3e4f5a6b',
      'ws://localhost:5173/',
      FILE_APP,
      'javascript:alert(1)',
      'data:text/html,hi',
    ]) {
      expect(isAllowedNavigation(target, DEV_APP), target).toBe(false);
    }
  });
});

describe('isAllowedNavigation with malformed input', () => {
  it('refuses anything that does not parse', () => {
    expect(isAllowedNavigation('', FILE_APP)).toBe(false);
    expect(isAllowedNavigation('not a url', FILE_APP)).toBe(false);
    expect(isAllowedNavigation('http://[::1', DEV_APP)).toBe(false);
    expect(isAllowedNavigation('file:///opt/%E5%94/index.html', 'file:///opt/%E5%94/index.html')).toBe(false);
  });

  it('refuses everything when the app URL itself is unusable', () => {
    expect(isAllowedNavigation(FILE_APP, '')).toBe(false);
    expect(isAllowedNavigation(FILE_APP, 'garbage')).toBe(false);
    expect(isAllowedNavigation('about:blank', 'about:blank')).toBe(false);
    expect(isAllowedNavigation('data:text/html,x', 'data:text/html,x')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames that show the app page', () => {
    expect(isTrustedSender(`${FILE_APP}#/settings`, FILE_APP)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/#/login', DEV_APP)).toBe(true);
    expect(isTrustedSender('https://evil.example/', FILE_APP)).toBe(false);
    expect(isTrustedSender('about:blank', FILE_APP)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', FILE_APP)).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null, FILE_APP)).toBe(false);
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false);
    expect(isTrustedSender('', FILE_APP)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows plain https links', () => {
    expect(isSafeExternalUrl('https://example.com/')).toBe(true);
    expect(isSafeExternalUrl('https://help.example.com/docs?q=打印#a4')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,hi',
      'mailto:shop@example.com',
      'smb://server/share',
      'ms-settings:',
      'https://user:pass@example.com/',
      'https://',
      '',
      'example.com',
      '//example.com/',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
