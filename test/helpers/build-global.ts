import { buildServerOnce } from './server';

/**
 * Vitest global set-up for the PostgreSQL run: the district-server tests start `out/main/server.js`, and with two
 * workers two files could otherwise rebuild `out/` at the same time. Built once here, before any worker starts (a
 * no-op when `out/` is newer than the sources).
 */
export default function setup(): void {
  buildServerOnce();
}
