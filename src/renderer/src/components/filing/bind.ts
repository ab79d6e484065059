import type { ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { REQUIRED_FIELDS, type FilingFields } from '../../../../shared/schemas/filing';
import { getAt } from './paths';

const REQUIRED = new Set<string>(REQUIRED_FIELDS);

export interface FormBinding {
  values: FilingFields;
  set(path: string, value: unknown): void;
  /** Marks a field as visited so its format error shows (not while the first characters are typed). */
  touch(path: string): void;
  errors: Record<string, string>;
  readOnly: boolean;
}

/** Props shared by every input: label, error beside the field, test id `f-<path>`, read-only state. */
export function binder(b: FormBinding, t: TFunction) {
  const common = (path: string, labelKey = `ff.${path}`) => ({
    label: t(labelKey),
    error: b.errors[path],
    readOnly: b.readOnly,
    withAsterisk: REQUIRED.has(path) && !b.readOnly,
    onBlur: () => b.touch(path),
    'data-testid': `f-${path}`,
    'data-path': path,
  });
  return {
    text: (path: string, labelKey?: string) => ({
      ...common(path, labelKey),
      value: String(getAt(b.values, path) ?? ''),
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => b.set(path, e.currentTarget.value),
    }),
    /** For DateTextInput: the stored ISO date (or the text that is not one yet). */
    date: (path: string) => ({
      ...common(path),
      stored: getAt(b.values, path),
      onValue: (v: unknown) => b.set(path, v),
    }),
    /** For QuantityInput: the unit is part of the label, so of the accessible name too. */
    quantity: (path: string, unit: string, labelKey = `ff.${path}`) => ({
      ...common(path, labelKey),
      label: t('ff.unitLabel', { label: t(labelKey), unit }),
      stored: getAt(b.values, path),
      onValue: (v: unknown) => b.set(path, v),
    }),
    select: (path: string, labelKey?: string) => ({
      ...common(path, labelKey),
      value: ((getAt(b.values, path) as string | null) ?? '') || null,
      onChange: (v: string | null) => b.set(path, v ?? ''),
      disabled: b.readOnly,
      allowDeselect: false,
      comboboxProps: { withinPortal: true },
    }),
    check: (path: string) => ({
      label: t(`ff.${path}`),
      checked: Boolean(getAt(b.values, path)),
      disabled: b.readOnly,
      onChange: (e: ChangeEvent<HTMLInputElement>) => b.set(path, e.currentTarget.checked),
      'data-testid': `f-${path}`,
    }),
  };
}
