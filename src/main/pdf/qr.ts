import QRCode from 'qrcode';
import { rgb, type PDFPage } from 'pdf-lib';

/**
 * Draws a QR code as vector rectangles (one per horizontal run of dark modules), so it stays sharp at any zoom
 * and costs a few hundred bytes. The caller leaves the 4-module quiet zone white around `size`.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): { modules: number } {
  // Level L: the code carries ~210 bytes; at L that is version 9 (53 modules, 0.60 mm in a 32 mm code) instead of
  // version 11 at M (0.49 mm), which decodes from a 100 dpi render and a 150 dpi scan. The printed number and
  // verification code remain the fallback for a damaged code.
  const qr = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      // A hair of overlap between neighbouring runs avoids white seams from anti-aliasing in viewers.
      page.drawRectangle({
        x: x + start * cell,
        y: y + size - (row + 1) * cell - 0.01,
        width: (col - start) * cell,
        height: cell + 0.02,
        color: rgb(0, 0, 0),
      });
    }
  }
  return { modules: n };
}
