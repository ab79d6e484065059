import type { Channel, Input } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { useRequestForm } from './request-form';

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
   * The form path a request path is shown on (the field of that name when omitted); null when no field shows it,
   * so the message goes to the form's alert instead of being lost.
   */
  field?(path: string): string | null;
}

/**
 * A request form whose channel follows its values (one form, several actions; see `useRequestForm`): `submit(send,
 * onDone)` checks the values with the channel's schema, sends them with `send` and gives `onDone` the desk's answer.
 */
export function useChannelForm<V extends Record<string, unknown>>(options: ChannelFormOptions<V>) {
  const core = useRequestForm<V>({
    initialValues: options.initialValues,
    request: options.request,
    fieldOf: options.field ? (path) => options.field!(path) : undefined,
  });
  const submit = <T>(send: (values: V) => Promise<Result<T>>, onDone: (value: T) => void): Promise<void> =>
    core.run(send, (value) => onDone(value));
  return {
    form: core.form,
    ref: core.ref,
    message: core.refusal,
    busy: core.busy,
    submit,
    refuse: core.refused,
    clearMessage: core.clearRefusal,
  };
}
