import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS, type Desk } from './fixture';

/** Run a command-line tool (poppler, LibreOffice); a missing one says what to install. */
export function tool(name: string, args: string[], options: { cwd?: string } = {}): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8', timeout: 120_000, ...options });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${name} is missing: install it (apt-get install -y poppler-utils libreoffice-calc).`, {
        cause: error,
      });
    }
    throw error;
  }
}

export interface PdfFacts {
  /** The PDF written into ARTIFACTS. */
  file: string;
  pages: number;
  width: number;
  height: number;
  text: string;
  /** The page images pdftoppm drew, one a page, in ARTIFACTS. */
  pngs: string[];
}

/**
 * Open a print route (`#/print/<route>`) and wait until it is drawn and every image (barcode, QR
 * code, logo) has loaded.
 */
export async function openPrint(desk: Desk, page: Page, route: string): Promise<void> {
  const url = `${desk.server.origin}/#/print/${route}`;
  // Opening the route shown already is a fresh preview, as a clerk coming back to it gets.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.locator('[data-testid="print-root"][data-print-ready="true"]').waitFor({ timeout: 20_000 });
  const images = await page.locator('.pf-root img').evaluateAll((elements) =>
    elements.map((element) => {
      const img = element as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth > 0;
    }),
  );
  expect(images.every(Boolean)).toBe(true);
}

/** Open a print route, print it to PDF and read the PDF back with poppler. */
export async function printToPdf(desk: Desk, page: Page, route: string, name: string): Promise<PdfFacts> {
  await openPrint(desk, page, route);
  return savePdf(desk, page, name);
}

/**
 * Stand in for the browser's print dialog (headless Chromium has none): every window.print() call
 * records the 补打 marks on the page at that moment. On this document and every later one.
 */
export async function catchPrints(page: Page): Promise<void> {
  const install = () => {
    interface Marks {
      querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
    }
    const w = globalThis as unknown as { __prints: string[][]; print: () => void; document: Marks };
    w.__prints = [];
    w.print = () => {
      const marks = w.document.querySelectorAll('[data-testid="print-reprint"]');
      w.__prints.push(Array.from(marks, (m) => m.textContent ?? ''));
    };
  };
  await page.addInitScript(install);
  await page.evaluate(install);
}

/**
 * Press 打印 as the clerk does: the server records the print, then the page calls window.print().
 * Returns the 补打 marks the printed form carried (see catchPrints).
 */
export async function pressPrint(page: Page): Promise<string[]> {
  const count = () =>
    page.evaluate(() => (globalThis as unknown as { __prints: string[][] }).__prints.length);
  const before = await count();
  await page.getByTestId('print-submit').click();
  await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
  return page.evaluate(() => (globalThis as unknown as { __prints: string[][] }).__prints.at(-1) ?? []);
}

/** The page as it stands, printed to PDF (preview screenshot too) and read back with poppler. */
export async function savePdf(desk: Desk, page: Page, name: string): Promise<PdfFacts> {
  await desk.shot(page, `${name}-preview`);
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = tool('pdfinfo', [file]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  expect(size, info).not.toBeNull();

  // Chinese is embedded as real text in a CJK font, not boxes or missing glyphs.
  const fonts = tool('pdffonts', [file]);
  for (const line of fonts.split('\n').slice(2).filter(Boolean)) {
    expect(line.split(/\s+/).at(-5), `font not embedded: ${line}`).toBe('yes');
  }
  const raw = readFileSync(file).toString('latin1');
  expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+(NotoSansCJK|SourceHanSans|MicrosoftYaHei|PingFang)/i);

  // pdftoppm writes <name>-1.png, <name>-2.png …; old ones from an earlier run go first.
  const pagePng = new RegExp(`^${name}-\\d+\\.png$`);
  for (const old of readdirSync(ARTIFACTS).filter((f) => pagePng.test(f))) rmSync(join(ARTIFACTS, old));
  tool('pdftoppm', ['-png', '-r', '80', file, join(ARTIFACTS, name)]);

  return {
    file,
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    text: tool('pdftotext', ['-layout', file, '-']),
    pngs: readdirSync(ARTIFACTS).filter((f) => pagePng.test(f)),
  };
}

/** PDF points of an A4 portrait page. */
export const A4 = { width: 595.28, height: 841.89 };

/** The page size, within the 2 points Chromium's rounding leaves. */
export function expectSize(facts: PdfFacts, size: { width: number; height: number }): void {
  expect(Math.abs(facts.width - size.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(facts.height - size.height)).toBeLessThanOrEqual(2);
}

/** A word of a PDF page and its box, in PDF points from the page's top left corner. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word of the PDF with its box, as poppler's `pdftotext -bbox` reads it. */
export function pdfWords(file: string): PdfWord[] {
  const html = tool('pdftotext', ['-bbox', file, '-']);
  const words: PdfWord[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((pageHtml, index) => {
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
      for (const m of pageHtml.matchAll(word)) {
        words.push({
          page: index + 1,
          text: m[5] ?? '',
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
        });
      }
    });
  return words;
}
