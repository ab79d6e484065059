/**
 * Issue 9, point 11: a checklist item names the papers it answers; settings.update refuses a paper code the desk has no
 * material type for, at that item's field, and keeps what was stored. Sent past the settings editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, type TestDesk, type TestUser } from '../helpers/desk';

let t: TestDesk;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestDesk({ lang: 'zh-CN' });
  admin = await t.setupAdmin();
});
afterAll(() => t.close());

describe('checklist papers in the settings', () => {
  it('refuses an unknown material code per field and stores known ones', async () => {
    const settings = await admin.session.ok('settings.get', {});
    expect(settings.checklists.yj.find((i) => i.code === 'reaction-grade')?.papers).toEqual(['reaction-hazard']);

    const bad = structuredClone(settings);
    bad.checklists.hb[1]!.papers = ['waste-plan', 'no-such-paper'];
    const error = expectError(await admin.session.call('settings.update', bad), 'INVALID');
    expect(error.fields).toEqual({ 'checklists.hb.1.papers': '没有代码为“no-such-paper”的材料类型' });
    expect((await admin.session.ok('settings.get', {})).checklists.hb[1]!.papers).toEqual(settings.checklists.hb[1]!.papers);

    const good = structuredClone(settings);
    good.checklists.hb[1]!.papers = ['waste-plan', 'eia'];
    const saved = await admin.session.ok('settings.update', good);
    expect(saved.checklists.hb[1]!.papers).toEqual(['waste-plan', 'eia']);
  });
});
