import { randomBytes } from 'node:crypto';
import type { Lang } from '../../shared/i18n';

interface Ticket {
  connectionId: string;
  lang: Lang;
  expires: number;
}

/**
 * The protocol handler cannot tell which window asked, so a file download carries a one-use ticket
 * minted in the main process for the window that navigated to the link (see security.ts).
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>();
  mint(connectionId: string, lang: Lang, now = Date.now()): string {
    for (const [key, t] of this.tickets) if (t.expires < now) this.tickets.delete(key);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { connectionId, lang, expires: now + 60_000 });
    return ticket;
  }
  take(ticket: string | null, now = Date.now()): Ticket | null {
    if (!ticket) return null;
    const t = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return t && t.expires >= now ? t : null;
  }
}
