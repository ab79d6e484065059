import { describe, expect, it } from 'vitest';
import { placeMessages } from '../../src/renderer/src/forms/desk-form-fields';
import { acceptanceField, type AcceptanceValues } from '../../src/renderer/src/pages/filings/acceptance-fields';

/**
 * Issue 12, point 6: a desk form puts each message (its schema's, or the desk's refusal) beside the field it is about;
 * what belongs to no field goes to the form's one alert, never lost.
 */
describe('placing messages on a form', () => {
  const fields = { date: '', place: '', agenda: [] as number[] };

  it('puts a path on its own field, an item on the list that holds it, and the rest aside', () => {
    const r = placeMessages({ place: 'required', 'agenda.1': 'not in review', idempotencyKey: 'bad key', '': 'one input' }, fields);
    expect(r.fields).toEqual({ place: 'required', agenda: 'not in review' });
    expect(r.other).toEqual(['bad key', 'one input']);
  });

  it('keeps the first message of a field and lets the form answer first (null: no field)', () => {
    const own = (p: string) => (p === 'reason' ? 'place' : p === 'date' ? null : undefined);
    const r = placeMessages({ 'agenda.0': 'first', 'agenda.3': 'second', reason: 'renamed', date: 'aside' }, fields, own);
    expect(r.fields).toEqual({ agenda: 'first', place: 'renamed' });
    expect(r.other).toEqual(['aside']);
  });

  it('reads no inherited name as a field', () => {
    expect(placeMessages({ constructor: 'x', 'toString.0': 'y' }, fields)).toEqual({ fields: {}, other: ['x', 'y'] });
  });
});

describe('the acceptance form fields', () => {
  const missing = [{ materialCode: 'plan' }, { materialCode: 'permit' }];
  const values = (over: Partial<AcceptanceValues>): AcceptanceValues => ({
    decision: 'conditional',
    reason: '',
    corrections: [''],
    deadlines: {},
    ...over,
  });

  it("puts a deadline's message on its material's date, by request index or by the desk's material name", () => {
    expect(acceptanceField('deadlines.1.dueDate', values({}), missing)).toBe('deadlines.permit');
    expect(acceptanceField('materials.plan', values({}), missing)).toBe('deadlines.plan');
    expect(acceptanceField('materials.plan', values({ decision: 'accept' }), missing)).toBeNull();
    expect(acceptanceField('materials.other', values({}), missing)).toBeNull();
  });

  it('puts a point to correct on its own row although blank rows are not sent', () => {
    const v = values({ decision: 'correction', corrections: ['', 'first', '  ', 'second'] });
    expect(acceptanceField('corrections.0', v, missing)).toBe('corrections.1');
    expect(acceptanceField('corrections.1', v, missing)).toBe('corrections.3');
    expect(acceptanceField('corrections', v, missing)).toBeNull();
  });

  it("sends the rule's problems without a material to the alert and leaves the rest to the default", () => {
    expect(acceptanceField('decision.0', values({ decision: 'notAccepted' }), missing)).toBeNull();
    expect(acceptanceField('reason', values({}), missing)).toBeUndefined();
  });
});
