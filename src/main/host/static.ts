import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { mimeOf } from './headers';

export interface StaticFile {
  bytes: Buffer;
  mime: string;
  path: string;
}

/**
 * Maps a URL path to a file inside `root`, never outside it. Paths without an extension fall back to
 * index.html so a reload on a client-side route still loads the app.
 */
export function resolveStatic(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = resolve(join(base, rel));
  if (file !== base && !file.startsWith(base + sep)) return null;
  if (file === base || (existsSync(file) && statSync(file).isDirectory())) file = join(file, 'index.html');
  if (!existsSync(file)) {
    if (extname(rel) !== '') return null;
    file = join(base, 'index.html');
    if (!existsSync(file)) return null;
  }
  if (!statSync(file).isFile()) return null;
  return { bytes: readFileSync(file), mime: mimeOf(file), path: file };
}
