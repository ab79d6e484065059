import type { Channel, Input, Output } from '../src/shared/contract';
import { addDays, addMonths, toIsoDate } from '../src/shared/domain/calendar';
import { defaultSettings } from '../src/main/db/settings';
import { demoFields } from '../src/main/demo/data';
import { demoPdfBase64 } from '../src/main/demo/plan';

/** A call through dispatch or HTTP under one signed-in account, answering the value or throwing. */
export type Call = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

/** A filing created, given its materials, submitted and accepted into review by the clerk; its id. */
export async function intoReview(clerk: Call, i: number): Promise<number> {
  const settings = defaultSettings();
  const park = settings.parks[i % settings.parks.length]!;
  const start = addDays(toIsoDate(new Date()), 40);
  let view = await clerk('filing.create', { fields: demoFields(i, park.id, park.bases[0]!.id, start, addMonths(start, 18)) });
  for (const m of view.materials) {
    if (!m.applicable || m.code === 'commitment') continue;
    view = await clerk('material.attach', {
      filingId: view.id,
      version: view.version,
      code: m.code,
      file: { name: `${m.code}.pdf`, contentBase64: demoPdfBase64(`${view.filingNo} ${m.code}`) },
    });
  }
  view = await clerk('filing.submit', { id: view.id, version: view.version });
  view = await clerk('acceptance.decide', {
    filingId: view.id,
    version: view.version,
    decision: 'accept',
    reason: '',
    corrections: [],
    deadlines: [],
    idempotencyKey: `bench-accept-${i}`,
  });
  return view.id;
}
