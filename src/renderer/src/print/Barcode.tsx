import { useMemo } from 'react';
import { code128, drawingSVG, qrcode } from 'bwip-js/generic';

interface SvgImage {
  url: string;
  /** The symbol's width in modules (narrowest bars), quiet zones included. */
  modules: number;
}

/** Give bwip-js's SVG a size and let CSS stretch it; an image URL is what the CSP allows. */
function toImage(svg: string): SvgImage | null {
  const box = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  if (!box) return null;
  const [, width, height] = box;
  const sized = svg.replace(
    '<svg ',
    `<svg width="${width}" height="${height}" preserveAspectRatio="none" shape-rendering="crispEdges" `,
  );
  return { url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(sized)}`, modules: Number(width) };
}

/** One unit per module, ten modules of quiet zone each side (the Code 128 minimum). */
function code128Image(text: string): SvgImage | null {
  try {
    return toImage(
      code128(
        { bcid: 'code128', text, scale: 1, height: 10, paddingleft: 10, paddingright: 10 },
        drawingSVG(),
      ),
    );
  } catch {
    return null;
  }
}

function qrImage(text: string): SvgImage | null {
  try {
    return toImage(qrcode({ bcid: 'qrcode', text, scale: 1, padding: 2 }, drawingSVG()));
  } catch {
    return null;
  }
}

/**
 * A Code 128 barcode whose narrowest bar is `moduleMm` wide (0.25–0.33 mm scans well on office and
 * thermal printers); it narrows to fit its box if the number is unusually long.
 */
export function Code128({
  value,
  moduleMm,
  heightMm,
}: {
  value: string;
  moduleMm: number;
  heightMm: number;
}) {
  const image = useMemo(() => code128Image(value), [value]);
  if (!image) return null;
  return (
    <img
      className="print-barcode"
      data-testid="print-barcode"
      src={image.url}
      alt={value}
      style={{ width: `${(image.modules * moduleMm).toFixed(2)}mm`, height: `${heightMm}mm` }}
    />
  );
}

export function QrCode({ value, sizeMm }: { value: string; sizeMm: number }) {
  const image = useMemo(() => qrImage(value), [value]);
  if (!image) return null;
  return (
    <img
      className="print-qr"
      data-testid="print-qr"
      src={image.url}
      alt={value}
      style={{ width: `${sizeMm}mm`, height: `${sizeMm}mm` }}
    />
  );
}
