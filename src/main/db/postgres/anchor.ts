import type { ChainHead } from '../audit';
import type { HeadFile } from '../audit-head';

/**
 * The district server's anchor: the signed chain head in its data folder, outside the database (head-1). Inside
 * PostgreSQL every write transaction already records the signed head with its last entry, so the anchor only has to
 * show a restored older dump for what it is; it may lag the database a little (verifyPgAnchored accepts any entry of
 * the chain, and several instances share one database). It is therefore moved forward after the reply rather than
 * before it: a write no longer waits for two more fsyncs. Heads that arrive while one is being written are
 * coalesced, and only the newest is written next. A crash can leave the anchor a few writes behind, never ahead.
 */
export class LaggingAnchor {
  private next: ChainHead | null = null;
  private mayCreate = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly file: HeadFile,
    /** The anchor went missing or stopped verifying under a running server. */
    private readonly refused: () => void,
  ) {}

  /** Asks for the anchor to move to `head`; returns at once. */
  advance(head: ChainHead, mayCreate: boolean): void {
    if (!this.next || head.seq > this.next.seq) this.next = head;
    this.mayCreate ||= mayCreate;
    this.kick();
  }

  /** Resolves once every head asked for so far is written (closing, backups, tests). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.next) this.kick();
    });
  }

  private async drain(): Promise<void> {
    // Reading, checking and signing the file happen after the reply is on its way, not before.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.next) {
      const head = this.next;
      this.next = null;
      try {
        const outcome = await this.file.advanceAsync(head, this.mayCreate);
        if (outcome === 'refused') this.refused();
        else this.mayCreate = false;
      } catch (err) {
        // The commit stands; the next write tries again. Logged, as nothing waits for this to answer.
        console.error(`desk: the chain head anchor could not be written: ${(err as Error).message}`);
      }
    }
  }
}
