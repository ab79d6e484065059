import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDigits, parseDateText, parseQuantity, quantityText } from '../../src/shared/domain/typed-input';
import { emptyFilingFields, filingFieldsSchema } from '../../src/shared/schemas/filing';

/** What each character the tests type stands for, written out by hand (not by the parser's own mapping). */
const ASCII_OF: Record<string, string> = {
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9', // prettier-ignore
  '．': '.',
  '。': '.',
};
const asTyped = (ascii: string, wide: boolean[], dot: string) =>
  [...ascii]
    .map((c, i) => {
      if (c === '.') return dot;
      if (!wide[i]) return c;
      return Object.keys(ASCII_OF).find((k) => ASCII_OF[k] === c)!;
    })
    .join('');

describe('quantities as typed', () => {
  it.each([
    ['1000', 1000],
    ['12.5', 12.5],
    ['12。5', 12.5],
    ['１２．５', 12.5],
    ['２０', 20],
    [' 0.5 ', 0.5],
    ['\u30007\u3000', 7],
    ['', null],
    ['   ', null],
    ['0', 0],
    ['1000000000', 1e9],
  ])('reads %j as %j', (typed, value) => {
    expect(parseQuantity(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,000', 'separator'],
    ['1，000', 'separator'],
    ['1 000', 'separator'],
    ['1e3', 'exponent'],
    ['1E3', 'exponent'],
    ['-3', 'negative'],
    ['－3', 'negative'],
    ['12.', 'format'],
    ['.5', 'format'],
    ['1.2.3', 'format'],
    ['12。5。', 'format'],
    ['abc', 'format'],
    ['+3', 'format'],
    ['0x10', 'format'],
    ['Infinity', 'format'],
    ['1000000001', 'tooBig'],
    ['1234567.123456789', 'precision'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseQuantity(typed)).toEqual({ ok: false, problem });
  });

  it('yields exactly the number meant, however the digits were typed (property)', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const typedNumber = fc.record({
      int: digits(1, 9),
      frac: fc.option(digits(1, 6), { nil: undefined }),
      wide: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      dot: fc.constantFrom('.', '。', '．'),
      pad: fc.constantFrom('', ' ', '\u3000'),
    });
    fc.assert(
      fc.property(typedNumber, ({ int, frac, wide, dot, pad }) => {
        const ascii = frac === undefined ? int : `${int}.${frac}`;
        const typed = `${pad}${asTyped(ascii, wide, dot)}${pad}`;
        const r = parseQuantity(typed);
        // The number meant, by decimal arithmetic on the digits: value × 10^k equals the digit string as an integer.
        const scaled = BigInt(int + (frac ?? ''));
        const k = (frac ?? '').length;
        if (!r.ok) return scaled > 1_000_000_000n * 10n ** BigInt(k) && r.problem === 'tooBig';
        return r.value !== null && Number(scaled) / 10 ** k === r.value && Number(ascii) === r.value;
      }),
      { numRuns: 2000 },
    );
  });

  it('never reads stray characters as some other number: either an error or the digits exactly (property)', () => {
    const alphabet = fc.constantFrom(...'0123456789０１２３４５６７８９.。．,，-－+eE \u3000x');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 12 }), (typed) => {
        const r = parseQuantity(typed);
        const plain = [...typed.trim().replace(/^\u3000+|\u3000+$/g, '')].map((c) => ASCII_OF[c] ?? c).join('');
        if (!r.ok) return !/^\d+(\.\d+)?$/.test(plain) || Number(plain) > 1e9;
        if (r.value === null) return plain.trim() === '';
        // Accepted: every character was a digit or one decimal point, and the value is what those digits say.
        return /^\d+(\.\d+)?$/.test(plain) && r.value === Number(plain);
      }),
      { numRuns: 5000 },
    );
  });

  it('shows stored numbers back as plain digits that read as the same number', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = quantityText(n);
        expect(text).toMatch(/^\d+(\.\d+)?$/);
        const back = parseQuantity(text);
        return !back.ok ? back.problem === 'precision' : back.value === n;
      }),
    );
    expect(normaliseDigits('１２。５')).toBe('12.5');
  });
});

describe('dates as typed', () => {
  it.each([
    ['2027-01-15', '2027-01-15'],
    ['2027/1/15', '2027-01-15'],
    ['20270115', '2027-01-15'],
    ['２０２７／１／１５', '2027-01-15'],
    ['2027.1.5', '2027-01-05'],
    ['', ''],
  ])('reads %j as %j', (typed, iso) => {
    expect(parseDateText(typed)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['70115-02-02', 'format'],
    ['01/15/2027', 'format'],
    ['2027-02-30', 'calendar'],
    ['2027-13-01', 'calendar'],
    ['20271301', 'calendar'],
    ['15.01.2027', 'format'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseDateText(typed)).toEqual({ ok: false, problem });
  });

  it('reads every real day typed in any accepted form as that day and no other (property)', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('iso', 'slash', 'compact'), (d, form) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, dd] = iso.split('-');
        const typed = form === 'iso' ? iso : form === 'slash' ? `${y}/${Number(m)}/${Number(dd)}` : `${y}${m}${dd}`;
        const r = parseDateText(typed);
        return r.ok && r.value === iso;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the desk schema applies the same rule', () => {
  const withProject = (patch: Record<string, unknown>) => {
    const f = emptyFilingFields();
    return { ...f, project: { ...f.project, ...patch } };
  };
  const firstMessage = (input: unknown) => {
    const r = filingFieldsSchema.safeParse(input);
    return r.success ? null : r.error.issues[0]!.message;
  };

  it('refuses typed text it cannot read exactly, and negative or oversized numbers sent as numbers', () => {
    expect(firstMessage(withProject({ batchKg: '1,000' }))).toBe('v.quantity.separator');
    expect(firstMessage(withProject({ batchKg: '1e3' }))).toBe('v.quantity.exponent');
    expect(firstMessage(withProject({ throughputTpa: -3 }))).toBe('v.quantity.negative');
    expect(firstMessage(withProject({ largestReactorM3: 2e9 }))).toBe('v.quantity.tooBig');
    expect(firstMessage(withProject({ plannedStart: '70115-02-02' }))).toBe('v.date.format');
    expect(firstMessage(withProject({ plannedStart: '2027/1/15' }))).toBe('v.date.format');
    expect(firstMessage(withProject({ plannedStart: '2027-02-30' }))).toBe('v.date.calendar');
  });

  it('stores typed full-width quantities as the number meant', () => {
    const r = filingFieldsSchema.parse(withProject({ batchKg: '１２。５', throughputTpa: 20, largestReactorM3: null }));
    expect(r.project.batchKg).toBe(12.5);
    expect(r.project.throughputTpa).toBe(20);
    expect(r.project.largestReactorM3).toBeNull();
  });
});
