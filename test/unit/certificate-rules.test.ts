import { describe, expect, it } from 'vitest';
import { issueProblems, type IssueFacts } from '../../src/shared/domain/issuing';
import { DEFAULT_NUMBER_PATTERN, numberPatternProblem } from '../../src/shared/domain/certificate-number';
import { settingsSchema } from '../../src/shared/schemas/settings';
import { canonicalRecord, certificateNumber, HOLD_PROHIBITION, type RegisteredRecord } from '../../src/main/certificates/record';

const ready: IssueFacts = {
  state: 'approved',
  hasLive: false,
  roundClosed: true,
  undecided: [],
  trackedItems: [],
  policy: 'registerWithHold',
};
const paper = (state: 'open' | 'supplied' | 'closed' | 'notApplied') => ({ kind: 'material' as const, blocks: 'hold' as const, state });
const condition = (blocks: 'notice' | 'hold' | 'lock', state: 'open' | 'closed' = 'open') => ({
  kind: 'condition' as const,
  blocks,
  state,
});

describe('issueProblems', () => {
  it('allows an approved, fully decided filing with nothing blocking', () => {
    expect(issueProblems(ready)).toEqual([]);
  });

  it('refuses other states, an existing certificate, and undecided or stale units', () => {
    expect(issueProblems({ ...ready, state: 'in_review' }).map((p) => p.key)).toEqual(['cert.problem.state']);
    expect(issueProblems({ ...ready, state: 'registered', hasLive: true }).map((p) => p.key)).toEqual([
      'cert.problem.exists',
      'cert.problem.state',
    ]);
    expect(issueProblems({ ...ready, undecided: ['yj', 'hb'] })).toEqual([{ key: 'cert.problem.undecided', params: { units: 'yj, hb' } }]);
    expect(issueProblems({ ...ready, roundClosed: false }).map((p) => p.key)).toEqual(['cert.problem.undecided']);
  });

  it("registerWithHold lets open papers through; 'lock' holds them back until verified or not applied", () => {
    const items = [paper('open'), paper('supplied'), paper('closed'), paper('notApplied')];
    expect(issueProblems({ ...ready, trackedItems: items })).toEqual([]);
    expect(issueProblems({ ...ready, trackedItems: items, policy: 'lock' })).toEqual([
      { key: 'cert.problem.missingPapers', params: { n: 2 } },
    ]);
    expect(issueProblems({ ...ready, trackedItems: [paper('closed')], policy: 'lock' })).toEqual([]);
  });

  it("an open condition that blocks 'lock' holds registration back under either policy; 'hold' and 'notice' do not", () => {
    for (const policy of ['lock', 'registerWithHold'] as const) {
      expect(issueProblems({ ...ready, policy, trackedItems: [condition('lock')] })).toEqual([
        { key: 'cert.problem.lockingConditions', params: { n: 1 } },
      ]);
      expect(
        issueProblems({ ...ready, policy, trackedItems: [condition('lock', 'closed'), condition('hold'), condition('notice')] }),
      ).toEqual([]);
    }
  });
});

describe('certificate numbers and the canonical record', () => {
  const cert = (prefix: string, numberPattern = DEFAULT_NUMBER_PATTERN) => ({
    certificate: { prefix, numberPattern, issuerZh: '', issuerEn: '' },
  });
  it('prints 〔year〕 and the sequence without 第 or leading zeros by default (GB/T 9704 §7.2.4)', () => {
    expect(certificateNumber(cert('滨海化中试备'), 2026, 12)).toBe('滨海化中试备〔2026〕12号');
    expect(certificateNumber(cert('港城化中试备'), 2027, 1234)).toBe('港城化中试备〔2027〕1234号');
    expect(certificateNumber(cert('滨海化中试备', '{prefix}〔{year}〕第{seq4}号'), 2026, 12)).toBe('滨海化中试备〔2026〕第0012号');
  });

  it('a pattern must hold the year and exactly one sequence; the schema fills the default for older settings', () => {
    expect(numberPatternProblem(DEFAULT_NUMBER_PATTERN)).toBeNull();
    expect(numberPatternProblem('{prefix}〔{year}〕第{seq4}号')).toBeNull();
    expect(numberPatternProblem('{prefix}〔{year}〕号')).toBe('v.cert.numberPattern');
    expect(numberPatternProblem('{prefix}{seq}号')).toBe('v.cert.numberPattern');
    expect(numberPatternProblem('{prefix}〔{year}〕{seq}{seq}号')).toBe('v.cert.numberPattern');
    expect(numberPatternProblem('{prefix}〔{year}〕{sequence}{seq}号')).toBe('v.cert.numberPattern');
    const older = settingsSchema.shape.certificate.parse({ prefix: '滨海化中试备', issuerZh: 'a', issuerEn: 'b' });
    expect(older.numberPattern).toBe('{prefix}〔{year}〕{seq}号');
  });

  it('the same record always gives the same text, whatever the key order', () => {
    const a = { v: 1, number: 'N', filingNo: 'F', prohibitions: [HOLD_PROHIBITION] } as unknown as RegisteredRecord;
    const b = { prohibitions: [HOLD_PROHIBITION], filingNo: 'F', number: 'N', v: 1 } as unknown as RegisteredRecord;
    expect(canonicalRecord(a)).toBe(canonicalRecord(b));
    expect(canonicalRecord({ ...a, number: 'M' })).not.toBe(canonicalRecord(a));
  });
});
