import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { write } from '../services';
import { listCategories, listDepartments, loadPolicy } from '../db/problems';
import { departmentsWithMembers, saveProblemSettings } from '../db/problem-settings';
import { problemSettingsProblems } from '../../shared/domain/problem-settings';

/** The administrator saves the problem Settings tables as a whole: checked by the shared rule, audited before and after. */
const save: Handler<'problem.saveSettings'> = async (input, ctx) => {
  await write(ctx, async ({ trx, audit }) => {
    const [departments, categories, policy, withMembers] = await Promise.all([
      listDepartments(trx),
      listCategories(trx),
      loadPolicy(trx),
      departmentsWithMembers(trx),
    ]);
    const faults = problemSettingsProblems(input, { departments, categories, coordinator: policy.coordinator, withMembers });
    if (Object.keys(faults).length)
      throw new DeskError('INVALID', 'err.INVALID', {}, Object.fromEntries(Object.entries(faults).map(([k, key]) => [k, { key }])));
    await saveProblemSettings(trx, input);
    const { coordinator: _, ...limits } = policy;
    await audit({
      action: 'problem.saveSettings',
      target: 'settings:problems',
      before: { departments, categories, ...limits },
      after: input,
    });
  });
  const { db } = ctx.services.store;
  const [departments, categories, policy] = await Promise.all([listDepartments(db), listCategories(db), loadPolicy(db)]);
  return { departments, categories, policy, myDepartment: null };
};

export const problemSettingsHandlers = { 'problem.saveSettings': save };
