import { useRef, useState } from 'react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { contract, type Channel, type Input } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/result';
import { zodValidate } from '../hooks/zod-form';

/** The request a form's values make: its channel and input, checked by that channel's own schema before it is sent. */
export interface ChannelRequest<C extends Channel = Channel> {
  channel: C;
  input: Input<C>;
}

export interface ChannelFormOptions<V extends Record<string, unknown>> {
  initialValues: V;
  /** The request these values would send (files by name only: their content is read on submit). */
  request(values: V): ChannelRequest;
  /**
   * The form path a request path is shown on (the request's own path when omitted); null when no field shows it,
   * so the message goes to the form's alert instead of being lost.
   */
  field?(path: string): string | null;
}

/**
 * A `@mantine/form` bound to a contract channel: validated by the channel's zod schema through the one zod-issue
 * mapping, a refusal's per-field errors put back on the fields, the rest in `message`. After a refused submit (by the
 * form or the desk) focus goes to the first field marked in error inside `ref`; otherwise it stays where it was.
 */
export function useChannelForm<V extends Record<string, unknown>>(options: ChannelFormOptions<V>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toForm = (fields: Record<string, string>): { fields: Record<string, string>; rest: string[] } => {
    const out: Record<string, string> = {};
    const rest: string[] = [];
    for (const [path, text] of Object.entries(fields)) {
      const at = options.field ? options.field(path) : path;
      if (at === null) rest.push(text);
      else out[at] ??= text;
    }
    return { fields: out, rest };
  };

  const check = (values: V) => {
    const { channel, input } = options.request(values);
    return toForm(zodValidate(contract[channel].input, t)(input as object));
  };
  const form = useForm<V>({ initialValues: options.initialValues, validate: (values) => check(values).fields });

  const focusFirstError = () =>
    requestAnimationFrame(() => requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()));

  /** Puts a refusal on the form: per-field messages beside their fields, everything else in the alert. */
  const refuse = (error: AppError) => {
    const { fields, rest } = toForm(error.fields ?? {});
    form.setErrors(fields);
    setMessage(rest.length ? rest.join('；') : Object.keys(fields).length ? null : error.message);
    if (Object.keys(fields).length) focusFirstError();
  };

  /** Checks the values, then sends them with `send`; `onDone` gets the desk's answer when it accepts. */
  const submit = async <T>(send: (values: V) => Promise<Result<T>>, onDone: (value: T) => void): Promise<void> => {
    const checked = form.validate();
    if (checked.hasErrors) {
      setMessage(check(form.getValues()).rest.join('；') || null);
      focusFirstError();
      return;
    }
    setBusy(true);
    setMessage(null);
    const r = await send(form.getValues());
    setBusy(false);
    if (!r.ok) return refuse(r.error);
    onDone(r.value);
  };

  return { form, ref, message, busy, submit, refuse, clearMessage: () => setMessage(null) };
}
