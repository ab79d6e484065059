// Draws build/icon.png (512×512): a red seal with 联审, the app's icon for NSIS and the deb. Run once by hand:
// `node build/make-icon.mjs`; electron-builder derives the Windows .ico from this PNG.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

GlobalFonts.registerFromPath('/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', 'Seal');
const size = 512;
const canvas = createCanvas(size, size);
const g = canvas.getContext('2d');
g.fillStyle = '#b71c1c';
g.beginPath();
g.roundRect(24, 24, size - 48, size - 48, 72);
g.fill();
g.strokeStyle = '#ffffff';
g.lineWidth = 14;
g.beginPath();
g.roundRect(60, 60, size - 120, size - 120, 44);
g.stroke();
g.fillStyle = '#ffffff';
g.font = '200px Seal';
g.textAlign = 'center';
g.textBaseline = 'middle';
g.fillText('联', size / 2, 170);
g.fillText('审', size / 2, 350);
writeFileSync(join(import.meta.dirname, 'icon.png'), canvas.toBuffer('image/png'));
