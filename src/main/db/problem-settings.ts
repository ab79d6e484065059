import type { Trx } from './connection';
import type { CategoryRow, DepartmentRow, ProblemSettingsInput } from '../../shared/domain/problem-settings';

/** Saves the problem Settings tables: every row upserted in the order given (never deleted), the policy row updated. */

export async function departmentsWithMembers(trx: Trx): Promise<string[]> {
  const rows = await trx.selectFrom('department_members').select('department').distinct().execute();
  return rows.map((r) => r.department);
}

async function saveDepartments(trx: Trx, list: readonly DepartmentRow[]) {
  for (const [i, d] of list.entries()) {
    const values = { name_zh: d.nameZh, name_en: d.nameEn, kind: d.kind, sort: i + 1, active: d.active ? 1 : 0 };
    await trx
      .insertInto('departments')
      .values({ code: d.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute();
  }
}

async function saveCategories(trx: Trx, list: readonly CategoryRow[]) {
  for (const [i, c] of list.entries()) {
    const values = { name_zh: c.nameZh, name_en: c.nameEn, sort: i + 1, active: c.active ? 1 : 0 };
    await trx
      .insertInto('problem_categories')
      .values({ code: c.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute();
  }
}

export async function saveProblemSettings(trx: Trx, input: ProblemSettingsInput): Promise<void> {
  await saveDepartments(trx, input.departments);
  await saveCategories(trx, input.categories);
  await trx
    .updateTable('problem_policy')
    .set({
      park_days: input.limits.park,
      district_days: input.limits.district,
      city_days: input.limits.city,
      report_every_days: input.reportEveryDays,
      reminder_after_days: input.reminderAfterDays,
      warning_days: input.warningDays,
    })
    .where('id', '=', 1)
    .execute();
}
