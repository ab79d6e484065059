/**
 * "Save as image": the map's SVG drawn onto a canvas and downloaded as PNG. Everything the SVG needs is inline
 * (fills, fonts, patterns), so the serialised copy looks like the screen without any external library.
 */
export async function svgToPngBlob(svg: SVGSVGElement, caption = '', scale = 2): Promise<Blob> {
  // The caption (filing number and the one sentence) travels with the picture, so a pasted image explains itself.
  const top = caption ? 32 : 0;
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('svg image failed to load'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + top) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    if (caption) {
      ctx.fillStyle = '#212529';
      ctx.font = `600 14px ${getComputedStyle(svg).fontFamily || 'sans-serif'}`;
      ctx.fillText(caption, 12, 21, width - 24);
    }
    ctx.drawImage(image, 0, top, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
