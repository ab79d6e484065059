import type { Channel, Input, Output } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/result';
import { call } from '../api/client';
import { useRequestForm } from './request-form';

type Values = Record<string, unknown>;

export interface DeskFormOptions<C extends Channel, V extends Values> {
  channel: C;
  initialValues: V;
  /** The request these values make, as validated; a chosen file stands in by its name until it is read. */
  request(values: V): Input<C>;
  /** Sends when the request needs more than `request` (a file read); `call(channel, request(v))` otherwise. */
  send?(values: V): Promise<Result<Output<C>>>;
  /** The field a request path belongs to when it is not the field of that name (`reason` → `note`); undefined: default. */
  fieldOf?(path: string, values: V): string | null | undefined;
  /** What the schema cannot say (a file is required): a message by field, null when fine. */
  extra?(values: V): Record<string, string | null>;
}

/** A request form bound to one channel (see `useRequestForm`); `submit` makes the form's submit handler. */
export function useDeskForm<C extends Channel, V extends Values>(opts: DeskFormOptions<C, V>) {
  const core = useRequestForm<V>({ ...opts, request: (values) => ({ channel: opts.channel, input: opts.request(values) }) });

  const submit =
    (done: (value: Output<C>, values: V) => void, failed?: (error: AppError) => boolean | void) => (event?: { preventDefault(): void }) => {
      event?.preventDefault();
      return core.run((values) => (opts.send ? opts.send(values) : call(opts.channel, opts.request(values))), done, failed);
    };

  const { form, ref, busy, refusal, refused, clear, reset } = core;
  return { form, ref, busy, refusal, submit, refused, clear, reset };
}
