import { useRef, useState } from 'react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { contract, type Channel } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/result';
import { zodValidate } from '../hooks/zod-form';
import { placeMessages } from './desk-form-fields';
import { focusFirstInvalid } from './focus';

type Values = Record<string, unknown>;

export interface RequestFormOptions<V extends Values> {
  initialValues: V;
  /** The channel and input these values make, as validated (a chosen file stands in by its name until it is read). */
  request(values: V): { channel: Channel; input: unknown };
  /** The field a request path belongs to when it is not the field of that name; null: no field (the alert). */
  fieldOf?(path: string, values: V): string | null | undefined;
  /** What the schema cannot say (a file is required): a message by field, null when fine. */
  extra?(values: V): Record<string, string | null>;
}

/**
 * The one request form on `@mantine/form`: values checked by their channel's own zod schema through the shared issue
 * mapping (the message the desk would give, in the user's language, beside the field), the desk's per-field refusals
 * put back on the same fields, and anything with no field of its own (`refusal`) for one alert. After a failed submit
 * the first field in error takes the focus; otherwise it stays on the acting button. `useDeskForm` (one channel) and
 * `useChannelForm` (a channel per action) are its two shapes.
 */
export function useRequestForm<V extends Values>(opts: RequestFormOptions<V>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const place = (messages: Record<string, string>, values: V) =>
    placeMessages(messages, opts.initialValues, (path) => opts.fieldOf?.(path, values));

  const form = useForm<V>({
    initialValues: opts.initialValues,
    validate: (values) => {
      const { channel, input } = opts.request(values);
      const { fields, other } = place(zodValidate(contract[channel].input, t)(input as object), values);
      for (const [field, message] of Object.entries(opts.extra?.(values) ?? {})) if (message) fields[field] = message;
      setRefusal(other.length ? other.join('；') : null);
      return other.length ? { ...fields, _request: other.join('；') } : fields;
    },
  });

  /** The desk said no: its field messages go beside the fields, the rest (or its message) into the alert. */
  const refused = (error: AppError) => {
    const { fields, other } = place(error.fields ?? {}, form.getValues());
    form.setErrors(fields);
    const onFields = Object.keys(fields).length > 0;
    setRefusal(other.length ? other.join('；') : onFields ? null : error.message);
    if (onFields) focusFirstInvalid(ref.current);
  };

  /** Validate, send, then `done` with the answer; `failed` may take a refusal over (true) first. */
  const run = async <T>(
    send: (values: V) => Promise<Result<T>>,
    done: (value: T, values: V) => void,
    failed?: (error: AppError) => boolean | void,
  ): Promise<void> => {
    if (form.validate().hasErrors) return focusFirstInvalid(ref.current);
    const values = form.getValues();
    setBusy(true);
    setRefusal(null);
    const r = await send(values);
    setBusy(false);
    if (r.ok) return done(r.value, values);
    if (!failed?.(r.error)) refused(r.error);
  };

  const clear = () => {
    form.clearErrors();
    setRefusal(null);
  };
  const reset = () => {
    form.reset();
    setRefusal(null);
  };
  return { form, ref, busy, refusal, refused, run, clear, reset, clearRefusal: () => setRefusal(null) };
}
