import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionInput, type TestDesk, type TestUser } from '../helpers/desk';
import { reviewDesk } from '../helpers/review-desk';
import { contract, type Channel, type DeskEvent, type Input } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import type { UnitCode } from '../../src/shared/domain/units';
import { createQueryLayer, latestOnly, type Transport } from '../../src/renderer/src/api/query-layer';

/**
 * The renderer's data layer (issue 12 §6) over the real desk: every request goes through the desk's dispatch as the
 * preload bridge would send it, and every live event comes from the desk's own event stream. The test counts the
 * requests that reach the desk.
 */
let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()));
afterEach(() => t.close());

interface Wire extends Transport {
  count(channel: Channel): number;
  reset(): void;
  /** Holds the next answer on `channel` until the returned function is called. */
  hold(channel: Channel): () => void;
}

/**
 * The desk as the renderer reaches it, for one signed-in user. `eventsAfterAnswer` delivers the events a request
 * causes only after its answer (browser mode's separate event stream); otherwise they come first (Electron's IPC).
 */
function wire(user: TestUser, eventsAfterAnswer = false): Wire {
  const counts = new Map<string, number>();
  const holds = new Map<string, Promise<void>>();
  let pending = 0;
  let queued: (() => void)[] = [];
  return {
    async send(channel, input) {
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
      pending++;
      const r = await t.desk.dispatch(channel, input, { connectionId: user.session.connectionId, lang: 'en' });
      const hold = holds.get(channel);
      holds.delete(channel);
      if (hold) await hold;
      if (--pending === 0 && queued.length) {
        const flush = queued;
        queued = [];
        setTimeout(() => flush.forEach((f) => f()), 0);
      }
      return r as Result<never>;
    },
    isWrite: (channel) => contract[channel].writes,
    subscribe(event, cb) {
      const on = (name: DeskEvent, payload: Parameters<typeof cb>[0]) => {
        if (name !== event) return;
        if (eventsAfterAnswer && pending > 0) queued.push(() => cb(payload));
        else cb(payload);
      };
      t.desk.services.events.on('desk-event', on);
      return () => void t.desk.services.events.off('desk-event', on);
    },
    count: (channel) => counts.get(channel) ?? 0,
    reset: () => counts.clear(),
    hold(channel) {
      let release: () => void = () => {};
      holds.set(channel, new Promise((r) => (release = r)));
      return release;
    },
  };
}

const idle = () => new Promise((r) => setTimeout(r, 50));

describe('the query layer', () => {
  for (const eventsAfterAnswer of [false, true]) {
    it(`a decision asks for filing.get once and review.get not at all (seeded), events ${eventsAfterAnswer ? 'after' : 'before'} the answer`, async () => {
      const filing = await t.acceptedFiling();
      const w = wire(rv.yj, eventsAfterAnswer);
      const layer = createQueryLayer(w);
      const reads: Promise<unknown>[] = [];
      const ask = <C extends Channel>(c: C, i: Input<C>) => reads.push(layer.call(c, i));
      // The filing page and the review tab as they are written: each reloads on the live events it listens to.
      const view = await layer.call('review.get', { filingId: filing.id });
      await layer.call('filing.get', { id: filing.id });
      if (!view.ok) throw new Error(view.error.message);
      w.subscribe('filing.changed', (p) => p.filingId === filing.id && ask('filing.get', { id: filing.id }));
      w.subscribe('filing.changed', () => ask('review.get', { filingId: filing.id }));
      w.subscribe('inbox.changed', () => ask('review.get', { filingId: filing.id }));
      w.reset();

      const decided = await layer.call('review.decide', decisionInput(view.value, 'yj', 'approve'));
      if (!decided.ok) throw new Error(decided.error.message);
      // onSaved: the page reloads the filing, the tab asks again for its new version, the clock panel reads the filing.
      ask('filing.get', { id: filing.id });
      ask('review.get', { filingId: filing.id });
      ask('filing.get', { id: filing.id });
      await idle();
      await Promise.all(reads);
      expect(w.count('review.decide')).toBe(1);
      expect(w.count('filing.get')).toBe(1);
      expect(w.count('review.get')).toBe(0);
      const shown = await layer.call('review.get', { filingId: filing.id });
      expect(shown.ok && shown.value.filingVersion).toBe(decided.value.filingVersion);
      const f = await layer.call('filing.get', { id: filing.id });
      expect(f.ok && f.value.version).toBe(decided.value.filingVersion);
    });
  }

  it('settings are read once, re-read after settings.update (seeded, watched), and not on unrelated events', async () => {
    const admin = await t.setupAdmin();
    const w = wire(admin);
    const layer = createQueryLayer(w);
    const changed: string[] = [];
    layer.watch((c) => changed.push(c));
    const first = await layer.call('settings.get', {});
    await layer.call('settings.get', {});
    expect(w.count('settings.get')).toBe(1);
    if (!first.ok) throw new Error(first.error.message);
    const next = { ...first.value, certificate: { ...first.value.certificate, issuerZh: '滨海新区化工中试联审办公室' } };
    expect((await layer.call('settings.update', next)).ok).toBe(true);
    expect(changed).toContain('settings.get');
    const after = await layer.call('settings.get', {});
    expect(after.ok && after.value.certificate.issuerZh).toBe('滨海新区化工中试联审办公室');
    // Another filing changing does not throw the settings away.
    await t.acceptedFiling();
    await idle();
    await layer.call('settings.get', {});
    expect(w.count('settings.get')).toBe(1);
  });

  it('identical reads at once share one request; a read in flight when the filing changes is asked again', async () => {
    const filing = await t.acceptedFiling();
    const w = wire(clerk);
    const layer = createQueryLayer(w);
    const [a, b] = await Promise.all([layer.call('filing.get', { id: filing.id }), layer.call('filing.get', { id: filing.id })]);
    expect(w.count('filing.get')).toBe(1);
    expect(a).toEqual(b);

    await idle();
    w.reset();
    // An answer on its way while another desk user changes the filing: the layer does not settle for it.
    await new Promise((r) => setTimeout(r, 3100));
    const release = w.hold('filing.get');
    const late = layer.call('filing.get', { id: filing.id });
    await idle();
    const view = await rv.hb.session.ok('review.get', { filingId: filing.id });
    await rv.hb.session.ok('review.decide', decisionInput(view, 'hb', 'approve'));
    release();
    const answer = await late;
    expect(answer.ok && answer.value.version).toBe(view.filingVersion + 1);
    expect(w.count('filing.get')).toBe(2);
  });

  it('a late answer for an older input never overwrites the newer one', async () => {
    const [older, newer] = [await t.acceptedFiling(), await t.acceptedFiling({ index: 2 })];
    const w = wire(clerk);
    const layer = createQueryLayer(w);
    const ask = latestOnly();
    const shown: number[] = [];
    const release = w.hold('filing.get');
    const first = ask(
      () => layer.call('filing.get', { id: older.id }),
      (r) => r.ok && shown.push(r.value.id),
    );
    await idle();
    const second = ask(
      () => layer.call('filing.get', { id: newer.id }),
      (r) => r.ok && shown.push(r.value.id),
    );
    await second;
    expect(shown).toEqual([newer.id]);
    release();
    await first;
    expect(shown).toEqual([newer.id]);
    expect(w.count('filing.get')).toBe(2);
  });
});
