import { grayscale } from 'pdf-lib';
import { printable } from './fonts';
import { displayDate } from './format';
import { BLOCK, MM, SIZE, Sheet } from './sheet';

const SEAL_RADIUS = 21 * MM; // a 42 mm official seal

export interface SignatureLayout {
  lines: string[];
  centre: number;
  height: number;
  /** The seal's radius: what sits beside the signature keeps clear of centre ± radius. */
  radius: number;
}

/** Where the issuer, date and seal go, and how much height they need (at least `room`). */
export function layoutSignature(sheet: Sheet, issuer: string, issueDate: string, room: number): SignatureLayout {
  const size = SIZE.body;
  const date = printable(displayDate(issueDate));
  const dateWidth = sheet.width(date, 'regular', size);
  const centre = Math.max(BLOCK.left + SEAL_RADIUS, BLOCK.right - 4 * size - dateWidth / 2);
  // Issuer names wrap inside the seal column so they stay centred over the date; a very long one gets the full width.
  const column = Math.min(BLOCK.width, 2 * (BLOCK.right - centre));
  let issuerLines = sheet.lines(printable(issuer), column, 'regular', size);
  if (issuerLines.length > 1) {
    const wide = sheet.lines(printable(issuer), BLOCK.width, 'regular', size);
    if (wide.length < issuerLines.length) issuerLines = wide;
  }
  const lines = [...issuerLines, date];
  return { lines, centre, height: Math.max(room, lines.length * LINE + 2 * (SEAL_RADIUS - LINE)), radius: SEAL_RADIUS };
}

const LINE = 28;

/** Where the seal's room is: its centre and radius in points, on the page being drawn. */
export interface SealRoom {
  x: number;
  y: number;
  radius: number;
}

// The issuer and date sit this far below the seal's centre (the seal "presses down" on them from above).
const BELOW_CENTRE = 6;

/**
 * Issuer above the date at the right (date indented four characters from the right edge, GB/T 9704 §7.3.5.1),
 * with room for the seal centred on them and overlapping both: the seal "presses down" on the issuer and the date,
 * which sit a little below its centre. The seal's circle stays inside the block's height, so nothing drawn above
 * (a table's last rule) reaches into it. The issued file leaves that room blank (the seal is stamped on paper);
 * a preview (`mark`) outlines it with a dashed circle. The caller has ensured `layout.height` fits.
 */
export function signatureBlock(sheet: Sheet, layout: SignatureLayout, o: { mark?: boolean } = {}): SealRoom {
  const size = SIZE.body;
  const { lines, centre, height } = layout;
  const top = sheet.y;
  const textHeight = lines.length * LINE;
  const sealCentreY = top - height / 2;
  let lineTop = top - (height - textHeight) / 2 - BELOW_CENTRE;
  lines.forEach((line, i) => {
    const w = sheet.width(line, 'regular', size);
    const isDate = i === lines.length - 1;
    const x = isDate ? BLOCK.right - 4 * size - w : Math.min(BLOCK.right - w, Math.max(BLOCK.left, centre - w / 2));
    sheet.drawLine(line, x, Sheet.baseline(lineTop, LINE, size), size, 'regular');
    lineTop -= LINE;
  });

  sheet.y = top - height;
  if (o.mark) sealMark(sheet, centre, sealCentreY);
  return { x: centre, y: sealCentreY, radius: SEAL_RADIUS };
}

function sealMark(sheet: Sheet, centre: number, sealCentreY: number): void {
  sheet.page.drawCircle({
    x: centre,
    y: sealCentreY,
    size: SEAL_RADIUS,
    borderColor: grayscale(0.55),
    borderWidth: 0.8,
    borderDashArray: [4, 3],
  });
  const hint = '（印章）';
  const hintSize = SIZE.small;
  const hintWidth = sheet.width(hint, 'regular', hintSize);
  sheet.page.drawText(hint, {
    x: centre - hintWidth / 2,
    y: sealCentreY + SEAL_RADIUS - hintSize * 1.8,
    size: hintSize,
    font: sheet.font('regular'),
    color: grayscale(0.6),
  });
}
