const PX_PER_PT = 96 / 72;
const PX_PER_MM = 96 / 25.4;

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + 1;
}

/**
 * Free text has a box of its own on every form (`data-fit`, optionally `data-fit-min` in pt). A long
 * text first shrinks inside its box, down to the minimum size; what still does not fit is cut at a
 * whole line with an ellipsis. A printed form therefore never spills onto a second page.
 */
export function fitText(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-fit]')) {
    el.style.fontSize = '';
    el.classList.remove('is-clamped');
    el.style.removeProperty('-webkit-line-clamp');
    if (!overflows(el)) continue;

    const minPx = Number(el.dataset.fitMin ?? '6.5') * PX_PER_PT;
    let size = parseFloat(getComputedStyle(el).fontSize);
    while (overflows(el) && size - 0.25 >= minPx) {
      size -= 0.25;
      el.style.fontSize = `${size}px`;
    }
    if (!overflows(el)) continue;

    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || size * 1.35;
    const lines = Math.max(1, Math.floor(el.clientHeight / lineHeight));
    el.classList.add('is-clamped');
    el.style.setProperty('-webkit-line-clamp', String(lines));
  }
}

/** Wait for fonts and every image (barcode, QR, logo) under `root` to be ready to paint. */
export async function settle(root: HTMLElement): Promise<void> {
  await document.fonts.ready;
  const images = Array.from(root.querySelectorAll('img'));
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
}

/** The height a receipt needs, in whole millimetres, so the page ends right after the last line. */
export function heightInMm(el: HTMLElement): number {
  return Math.ceil(el.getBoundingClientRect().height / PX_PER_MM) + 1;
}
