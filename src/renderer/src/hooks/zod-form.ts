import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { issueFields } from '../../../shared/schemas/issues';

/**
 * A `@mantine/form` validate function from the contract's own zod schema: the messages by dotted path, through the
 * same zod-issue mapping dispatch uses, so the form says beside each field what the desk would say. `extra` adds what
 * the request carries beside the form's values (an idempotency key).
 */
export function zodValidate<S extends z.ZodType>(schema: S, t: TFunction, extra: () => Partial<z.input<S>> = () => ({})) {
  return (values: object): Record<string, string> => {
    const r = schema.safeParse({ ...values, ...extra() });
    return r.success ? {} : issueFields(r.error.issues, (key, params) => t(key, params));
  };
}
