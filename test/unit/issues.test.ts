import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueFields, type IssueLike } from '../../src/shared/schemas/issues';
import { zodFields } from '../../src/main/dispatch';

const schema = z.strictObject({
  name: z.string().max(3),
  kind: z.enum(['a', 'b']),
  n: z.number(),
  own: z.string().refine(() => false, 'v.own'),
});

describe('one zod-issue mapping for the desk and the forms', () => {
  const result = schema.safeParse({ name: 'long', kind: 'c', n: 'x', own: '', extra: 1 });
  const issues = result.error!.issues as unknown as IssueLike[];

  it('maps each issue to its catalogue key, beside its own path', () => {
    expect(issueFields(issues, (key, params) => `${key}${JSON.stringify(params)}`)).toEqual({
      name: 'v.tooLong{"max":"3"}',
      kind: 'v.choice{}',
      n: 'v.type{}',
      own: 'v.own{}',
      extra: 'v.unknownKey{"keys":"extra"}',
    });
  });

  it('is what dispatch answers, in the caller language', () => {
    const fields = zodFields(result.error!, 'en');
    expect(Object.keys(fields).sort()).toEqual(['extra', 'kind', 'n', 'name', 'own']);
    expect(fields.name).toMatch(/3/);
    expect(fields.name).not.toBe('v.tooLong');
  });
});
