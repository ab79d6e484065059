import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acceptancePreview,
  evaluateAcceptance,
  materialApplies,
  type AcceptanceProblem,
  type AcceptanceRequest,
  type MaterialStatus,
} from '../../src/shared/domain/acceptance';
import { officialCalendar as calendar } from '../../src/shared/domain/calendar';
import { translate } from '../../src/shared/i18n';
import type { Settings } from '../../src/shared/schemas/settings';
import { completeFields, defaultSettings, materialsExcept } from './domain-fixtures';

const settings = defaultSettings();
// Thursday before the 2026 Spring Festival: every deadline below crosses the holiday and both make-up Saturdays.
const today = '2026-02-12';
const REVIEW_DUE = '2026-03-18'; // 20 working days: 13, 14 (Sat), 24–28 (28 = Sat), 2–6 Mar, 9–13 Mar, 16–18 Mar
const STAFF_MAX = '2026-03-04'; // 10 working days

const type = (code: string) => settings.materialTypes.find((t) => t.code === code)!;
const request = (r: Partial<AcceptanceRequest> & Pick<AcceptanceRequest, 'decision'>): AcceptanceRequest => ({
  reason: '',
  corrections: [],
  deadlines: [],
  ...r,
});
const run = (req: AcceptanceRequest, materials: MaterialStatus[], fields = completeFields(), s: Settings = settings) =>
  evaluateAcceptance({ fields, materials, settings: s, request: req, today, calendar });
const keys = (r: ReturnType<typeof run>) => (r.ok ? [] : r.problems.map((p) => [p.key, p.materialCode]));

describe('materialApplies', () => {
  const f = completeFields();
  it('always', () => expect(materialApplies(type('hazop'), f, false)).toBe(true));
  it('keyProcessOrExothermic: neither, a key process, an exothermic reaction', () => {
    expect(materialApplies(type('reaction-hazard'), f, false)).toBe(false);
    expect(materialApplies(type('reaction-hazard'), { ...f, project: { ...f.project, processes: ['加氢'] } }, false)).toBe(true);
    expect(materialApplies(type('reaction-hazard'), { ...f, project: { ...f.project, exothermic: true } }, false)).toBe(true);
  });
  it('firstUse', () => {
    expect(materialApplies(type('reliability-eval'), f, true)).toBe(false);
    expect(materialApplies(type('reliability-eval'), { ...f, project: { ...f.project, firstUseInChina: true } }, false)).toBe(true);
  });
  it('anythingMissing', () => {
    expect(materialApplies(type('commitment'), f, false)).toBe(false);
    expect(materialApplies(type('commitment'), f, true)).toBe(true);
  });
});

describe('accept', () => {
  it('accepts when every applicable material is present and opens the review clock', () => {
    // The commitment letter and the two conditional core papers do not apply here, so their absence is ignored.
    const r = run(request({ decision: 'accept' }), materialsExcept(settings, ['commitment', 'reaction-hazard', 'reliability-eval']));
    expect(r).toEqual({ ok: true, items: [], reviewDueDate: REVIEW_DUE });
  });
  it('treats a material with no recorded status as missing', () => {
    const materials = materialsExcept(settings).filter((m) => m.code !== 'hazop');
    expect(keys(run(request({ decision: 'accept' }), materials))).toEqual([['acc.coreMissing', 'hazop']]);
  });
  it('refuses when a core paper is missing, and when an eligible one is (without nagging about the commitment)', () => {
    const r = run(request({ decision: 'accept' }), materialsExcept(settings, ['hazop', 'staff', 'commitment']));
    expect(keys(r)).toEqual([
      ['acc.coreMissing', 'hazop'],
      ['acc.accept.eligibleMissing', 'staff'],
    ]);
  });
  it('requires the reaction-hazard assessment once a key process is involved', () => {
    const f = completeFields();
    f.project.processes = ['硝化'];
    expect(keys(run(request({ decision: 'accept' }), materialsExcept(settings, ['reaction-hazard']), f))).toEqual([
      ['acc.coreMissing', 'reaction-hazard'],
    ]);
  });
  it('refuses a deadline, since nothing is missing', () => {
    const r = run(
      request({ decision: 'accept', deadlines: [{ materialCode: 'staff', dueDate: '2026-03-01' }] }),
      materialsExcept(settings),
    );
    expect(keys(r)).toEqual([['acc.deadline.notMissing', 'staff']]);
  });
});

describe('conditional acceptance', () => {
  const missingTwo = materialsExcept(settings, ['staff', 'eia']);
  const good = [
    { materialCode: 'staff', dueDate: STAFF_MAX },
    { materialCode: 'eia', dueDate: REVIEW_DUE },
  ];

  it('plans one tracked item per missing paper, verified by its first checking unit', () => {
    const r = run(request({ decision: 'conditional', deadlines: good }), missingTwo);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The stored title renders as the same text in each language.
    for (const i of r.items) {
      expect(translate('zh-CN', i.title.key, i.title.params)).toBe(i.textZh);
      expect(translate('en', i.title.key, i.title.params)).toBe(i.textEn);
    }
    expect(r.reviewDueDate).toBe(REVIEW_DUE);
    expect(r.items).toEqual([
      {
        materialCode: 'eia',
        verifyingUnit: 'hb',
        dueDate: REVIEW_DUE,
        textZh: '补交「环评文件或豁免意见」（环评批复、备案回执或豁免意见）',
        textEn: 'Supply "EIA document or exemption opinion" (EIA approval, filing receipt or exemption opinion)',
        title: {
          key: 'fu.item.supplyForm',
          params: {
            nameZh: '环评文件或豁免意见',
            nameEn: 'EIA document or exemption opinion',
            formZh: '环评批复、备案回执或豁免意见',
            formEn: 'EIA approval, filing receipt or exemption opinion',
          },
        },
      },
      {
        materialCode: 'staff',
        verifyingUnit: 'yj',
        dueDate: STAFF_MAX,
        textZh: '补交「人员名单、资质及培训记录」（名单及证书复印件）',
        textEn: 'Supply "Staff list with qualifications and training records" (List and copies of certificates)',
        title: {
          key: 'fu.item.supplyForm',
          params: {
            nameZh: '人员名单、资质及培训记录',
            nameEn: 'Staff list with qualifications and training records',
            formZh: '名单及证书复印件',
            formEn: 'List and copies of certificates',
          },
        },
      },
    ]);
  });

  it('refuses when a core paper is missing (core papers are never eligible)', () => {
    const r = run(
      request({ decision: 'conditional', deadlines: [...good, { materialCode: 'hazop', dueDate: '2026-03-02' }] }),
      materialsExcept(settings, ['staff', 'eia', 'hazop']),
    );
    // The deadline offered for the core paper adds no second, misleading problem.
    expect(keys(r)).toEqual([['acc.coreMissing', 'hazop']]);
  });

  it('requires the first-use evaluation only for a first-use process', () => {
    const f = completeFields();
    f.project.firstUseInChina = true;
    const materials = materialsExcept(settings, ['staff', 'eia', 'reliability-eval']);
    expect(keys(run(request({ decision: 'conditional', deadlines: good }), materials, f))).toEqual([
      ['acc.coreMissing', 'reliability-eval'],
    ]);
    expect(run(request({ decision: 'conditional', deadlines: good }), materials).ok).toBe(true);
  });

  it('refuses an applicant in credit default, but not one whose credit is repaired', () => {
    const f = completeFields();
    f.applicant.creditStatus = 'default';
    expect(keys(run(request({ decision: 'conditional', deadlines: good }), missingTwo, f))).toEqual([['acc.creditDefault', null]]);
    f.applicant.creditStatus = 'repaired';
    expect(run(request({ decision: 'conditional', deadlines: good }), missingTwo, f).ok).toBe(true);
  });

  it('requires the commitment letter', () => {
    const r = run(request({ decision: 'conditional', deadlines: good }), materialsExcept(settings, ['staff', 'eia', 'commitment']));
    expect(keys(r)).toEqual([['acc.commitmentMissing', 'commitment']]);
  });

  it('requires a commitment even when Settings define no commitment-letter material', () => {
    const s = { ...settings, materialTypes: settings.materialTypes.filter((t) => t.applies !== 'anythingMissing') };
    const r = run(request({ decision: 'conditional', deadlines: good }), missingTwo, completeFields(), s);
    expect(keys(r)).toEqual([['acc.commitmentMissing', null]]);
  });

  it('refuses when nothing eligible is missing', () => {
    expect(keys(run(request({ decision: 'conditional' }), materialsExcept(settings)))).toEqual([['acc.nothingMissing', null]]);
  });

  it('requires a deadline for every missing paper', () => {
    const r = run(request({ decision: 'conditional', deadlines: [good[0]!] }), missingTwo);
    expect(keys(r)).toEqual([['acc.deadline.required', 'eia']]);
  });

  it('refuses two deadlines for one paper', () => {
    const r = run(request({ decision: 'conditional', deadlines: [...good, { materialCode: 'staff', dueDate: '2026-03-02' }] }), missingTwo);
    expect(keys(r)).toEqual([['acc.deadline.duplicate', 'staff']]);
  });

  it('refuses a deadline that is not a date', () => {
    const r = run(request({ decision: 'conditional', deadlines: [good[0]!, { materialCode: 'eia', dueDate: '2026-02-30' }] }), missingTwo);
    expect(keys(r)).toEqual([['acc.deadline.invalid', 'eia']]);
  });

  it('refuses a deadline today or earlier', () => {
    for (const dueDate of [today, '2026-02-11']) {
      const r = run(request({ decision: 'conditional', deadlines: [good[1]!, { materialCode: 'staff', dueDate }] }), missingTwo);
      expect(keys(r)).toEqual([['acc.deadline.notAfterToday', 'staff']]);
    }
    const ok = run(
      request({ decision: 'conditional', deadlines: [good[1]!, { materialCode: 'staff', dueDate: '2026-02-13' }] }),
      missingTwo,
    );
    expect(ok.ok).toBe(true);
  });

  it("refuses a deadline past the type's maximum in working days (the calendar counts the holiday out)", () => {
    const r = run(
      request({ decision: 'conditional', deadlines: [good[1]!, { materialCode: 'staff', dueDate: '2026-03-05' }] }),
      missingTwo,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        key: 'acc.deadline.tooLate',
        materialCode: 'staff',
        params: { no: 12, nameZh: type('staff').nameZh, nameEn: type('staff').nameEn, days: 10, max: STAFF_MAX },
      },
    ]);
  });

  it("refuses a deadline past the review's own limit even within the type's maximum (EIA: 30 > 20)", () => {
    const r = run(request({ decision: 'conditional', deadlines: [good[0]!, { materialCode: 'eia', dueDate: '2026-03-19' }] }), missingTwo);
    expect(r.ok ? [] : r.problems.map((p) => [p.key, p.params?.max])).toEqual([['acc.deadline.afterReview', REVIEW_DUE]]);
  });

  it('refuses a deadline for a paper that is present, unknown, or not applicable', () => {
    for (const materialCode of ['licence', 'no-such-paper', 'reaction-hazard']) {
      const r = run(request({ decision: 'conditional', deadlines: [...good, { materialCode, dueDate: '2026-03-02' }] }), missingTwo);
      expect(keys(r)).toEqual([['acc.deadline.notMissing', materialCode]]);
    }
  });

  it('ignores missing papers that do not apply to this filing', () => {
    const r = run(
      request({ decision: 'conditional', deadlines: good }),
      materialsExcept(settings, ['staff', 'eia', 'reaction-hazard', 'reliability-eval']),
    );
    expect(r.ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const f = completeFields();
    f.applicant.creditStatus = 'default';
    const r = run(request({ decision: 'conditional' }), materialsExcept(settings, ['staff', 'eia', 'hazop', 'commitment']), f);
    expect(keys(r)).toEqual([
      ['acc.coreMissing', 'hazop'],
      ['acc.commitmentMissing', 'commitment'],
      ['acc.creditDefault', null],
      ['acc.deadline.required', 'eia'],
      ['acc.deadline.required', 'staff'],
    ]);
  });
});

describe('correction and refusal', () => {
  it('a correction notice needs at least one point, and blank lines do not count', () => {
    expect(keys(run(request({ decision: 'correction' }), materialsExcept(settings, ['hazop'])))).toEqual([['acc.correction.empty', null]]);
    expect(keys(run(request({ decision: 'correction', corrections: ['  ', ''] }), materialsExcept(settings)))).toEqual([
      ['acc.correction.empty', null],
    ]);
    expect(
      run(
        request({ decision: 'correction', corrections: ['申请表缺少法定代表人签字', '补交 HAZOP 报告'] }),
        materialsExcept(settings, ['hazop']),
      ),
    ).toEqual({
      ok: true,
      items: [],
      reviewDueDate: null,
    });
  });
  it('a refusal needs a reason', () => {
    expect(keys(run(request({ decision: 'notAccepted', reason: ' ' }), materialsExcept(settings)))).toEqual([
      ['acc.reason.required', null],
    ]);
    expect(run(request({ decision: 'notAccepted', reason: '项目不在认定化工园区内' }), materialsExcept(settings))).toEqual({
      ok: true,
      items: [],
      reviewDueDate: null,
    });
  });
  it('neither sets supply deadlines', () => {
    const deadlines = [{ materialCode: 'staff', dueDate: '2026-03-02' }];
    expect(keys(run(request({ decision: 'correction', corrections: ['x'], deadlines }), materialsExcept(settings, ['staff'])))).toEqual([
      ['acc.deadline.unexpected', null],
    ]);
    expect(keys(run(request({ decision: 'notAccepted', reason: 'x', deadlines }), materialsExcept(settings, ['staff'])))).toEqual([
      ['acc.deadline.unexpected', null],
    ]);
  });
});

describe('acceptancePreview', () => {
  const preview = (materials: MaterialStatus[], fields = completeFields()) =>
    acceptancePreview({ fields, materials, settings, today, calendar });

  it('lists each missing paper with the latest deadline it may get', () => {
    expect(preview(materialsExcept(settings, ['staff', 'eia', 'identity']))).toEqual({
      eligible: true,
      problems: [],
      missing: [
        { materialCode: 'eia', maxDueDate: REVIEW_DUE },
        { materialCode: 'staff', maxDueDate: STAFF_MAX },
        { materialCode: 'identity', maxDueDate: '2026-02-26' }, // 5 working days: 13, 14, 24, 25, 26
      ],
    });
  });
  it('says why conditional acceptance is not possible', () => {
    const p = preview(materialsExcept(settings, ['staff', 'hazop', 'commitment']));
    expect(p.eligible).toBe(false);
    expect(p.problems.map((x) => x.key)).toEqual(['acc.coreMissing', 'acc.commitmentMissing']);
    expect(p.missing).toEqual([{ materialCode: 'staff', maxDueDate: STAFF_MAX }]);
    expect(preview(materialsExcept(settings)).problems.map((x) => x.key)).toEqual(['acc.nothingMissing']);
  });

  it('never disagrees with the decision it previews (property)', () => {
    const codes = settings.materialTypes.map((t) => t.code);
    fc.assert(
      fc.property(
        fc.subarray(codes),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('normal', 'default', 'repaired') as fc.Arbitrary<'normal' | 'default' | 'repaired'>,
        (missingCodes, exothermic, firstUse, creditStatus) => {
          const f = completeFields();
          f.project.exothermic = exothermic;
          f.project.firstUseInChina = firstUse;
          f.applicant.creditStatus = creditStatus;
          const materials = materialsExcept(settings, missingCodes);
          const p = preview(materials, f);
          const deadlines = p.missing.map((m) => ({ materialCode: m.materialCode, dueDate: m.maxDueDate }));
          const r = run(request({ decision: 'conditional', deadlines }), materials, f);
          expect(r.ok).toBe(p.eligible);
          if (r.ok) {
            expect(r.items.map((i) => i.materialCode).sort()).toEqual(p.missing.map((m) => m.materialCode).sort());
            for (const i of r.items) expect(i.dueDate <= REVIEW_DUE && i.dueDate > today).toBe(true);
          }
          // Plain acceptance works exactly when no applicable paper is missing.
          const accept = run(request({ decision: 'accept' }), materials, f);
          expect(accept.ok).toBe(
            p.missing.length === 0 && !p.problems.some((x) => x.key === 'acc.coreMissing' || x.key === 'acc.commitmentMissing'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('acceptance messages', () => {
  it('every problem reads as a full sentence in both languages, with no unfilled parameter', () => {
    const problems: AcceptanceProblem[] = [];
    const collect = (r: ReturnType<typeof run>) => !r.ok && problems.push(...r.problems);
    const f = completeFields();
    f.applicant.creditStatus = 'default';
    collect(run(request({ decision: 'accept' }), materialsExcept(settings, ['hazop', 'staff'])));
    collect(
      run(
        request({ decision: 'conditional', deadlines: [{ materialCode: 'licence', dueDate: '2026-03-01' }] }),
        materialsExcept(settings, ['hazop', 'commitment', 'eia', 'staff', 'identity']),
        f,
      ),
    );
    collect(
      run(
        request({
          decision: 'conditional',
          deadlines: [
            { materialCode: 'staff', dueDate: 'x' },
            { materialCode: 'staff', dueDate: 'x' },
            { materialCode: 'eia', dueDate: '2026-04-01' },
            { materialCode: 'identity', dueDate: '2026-03-01' },
          ],
        }),
        materialsExcept(settings, ['eia', 'staff', 'identity', 'layout']),
      ),
    );
    collect(
      run(
        request({ decision: 'conditional', deadlines: [{ materialCode: 'staff', dueDate: today }] }),
        materialsExcept(settings, ['staff']),
      ),
    );
    collect(run(request({ decision: 'conditional' }), materialsExcept(settings)));
    collect(
      run(request({ decision: 'correction', deadlines: [{ materialCode: 'staff', dueDate: '2026-03-01' }] }), materialsExcept(settings)),
    );
    collect(run(request({ decision: 'notAccepted' }), materialsExcept(settings)));
    const seen = new Set(problems.map((p) => p.key));
    expect([...seen].sort()).toEqual(
      [
        'acc.accept.eligibleMissing',
        'acc.commitmentMissing',
        'acc.coreMissing',
        'acc.correction.empty',
        'acc.creditDefault',
        'acc.deadline.afterReview',
        'acc.deadline.duplicate',
        'acc.deadline.invalid',
        'acc.deadline.notAfterToday',
        'acc.deadline.notMissing',
        'acc.deadline.required',
        'acc.deadline.tooLate',
        'acc.deadline.unexpected',
        'acc.nothingMissing',
        'acc.reason.required',
      ].sort(),
    );
    for (const p of problems) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = translate(lang, p.key, p.params);
        expect(text, `${lang} ${p.key}`).not.toBe(p.key);
        expect(text, `${lang} ${p.key}`).not.toMatch(/\{\{/);
      }
    }
    expect(translate('zh-CN', 'acc.coreMissing', { no: 6, nameZh: type('hazop').nameZh, nameEn: '' })).toBe(
      '核心材料「6. HAZOP/安全风险分析报告（含SIS及联锁设计）」缺失，不能受理，也不能容缺受理',
    );
  });
});
