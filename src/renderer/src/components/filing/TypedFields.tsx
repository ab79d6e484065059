import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateText, parseQuantity, quantityText } from '../../../../shared/domain/typed-input';

/**
 * Quantity and date inputs that keep exactly what was typed on screen. A value the desk can read goes into the form
 * as a number or an ISO date; anything else goes in as the typed text, which the shared schema refuses with a message
 * beside the field (and autosave holds back), so a different value is never stored in its place.
 */
interface TypedProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  stored: unknown;
  onValue(value: unknown): void;
}

/** The text to show for a stored value, unless the text on screen already means it (then it stays as typed). */
function useTypedText(stored: unknown, show: (v: unknown) => string, means: (text: string, v: unknown) => boolean) {
  const [text, setText] = useState(() => show(stored));
  const [seen, setSeen] = useState(stored);
  // A value changed from outside (reload, someone else's version) replaces the text; one that came from this text does not.
  if (seen !== stored) {
    setSeen(stored);
    if (!means(text, stored)) setText(show(stored));
  }
  return [text, setText] as const;
}

const quantityMeans = (text: string, v: unknown) => {
  if (typeof v === 'string') return v === text;
  const p = parseQuantity(text);
  return p.ok && p.value === v;
};
const showQuantity = (v: unknown) => (typeof v === 'string' ? v : quantityText((v as number | null) ?? null));

export function QuantityInput({ stored, onValue, ...rest }: TypedProps) {
  const [text, setText] = useTypedText(stored, showQuantity, quantityMeans);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.currentTarget.value;
    setText(raw);
    const p = parseQuantity(raw);
    onValue(p.ok ? p.value : raw);
  };
  return <TextInput {...rest} value={text} onChange={change} inputMode="decimal" autoComplete="off" spellCheck={false} />;
}

const dateMeans = (text: string, v: unknown) => {
  const p = parseDateText(text);
  return (p.ok && p.value === v) || text === v;
};
const showDate = (v: unknown) => (typeof v === 'string' ? v : '');

interface DateProps extends TypedProps {
  /** Bounds of the calendar picker only: a typed day outside them stays as typed and the desk's rule refuses it. */
  minDate?: string;
  maxDate?: string;
}

/**
 * The one date field of the desk (filing form, acceptance deadlines, meeting dates): YYYY-MM-DD; 2027/1/15 and 20270115
 * are read as the same day and shown as 2027-01-15 on leaving the field.
 */
export function DateTextInput({ stored, onValue, onBlur, label, readOnly, minDate, maxDate, ...rest }: DateProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useTypedText(stored, showDate, dateMeans);
  const [open, setOpen] = useState(false);
  const change = (raw: string) => {
    setText(raw);
    const p = parseDateText(raw);
    onValue(p.ok ? p.value : raw);
  };
  const parsed = parseDateText(text);
  const picker = (
    <Popover opened={open} onChange={setOpen} position="bottom-end" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          onClick={() => setOpen((o) => !o)}
          aria-label={t('date.openCalendar', { label: typeof label === 'string' ? label : String(rest['aria-label'] ?? '') })}
          aria-expanded={open}
          data-testid={`${String(rest['data-testid' as keyof typeof rest] ?? 'date')}-calendar`}
        >
          <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
          <DatePicker
            value={parsed.ok && parsed.value ? parsed.value : null}
            defaultDate={parsed.ok && parsed.value ? parsed.value : undefined}
            monthLabelFormat={t('date.monthFormat')}
            weekendDays={[]}
            minDate={minDate}
            maxDate={maxDate}
            nextLabel={t('date.next')}
            previousLabel={t('date.previous')}
            onChange={(v) => {
              if (v) change(v);
              setOpen(false);
            }}
          />
        </DatesProvider>
      </Popover.Dropdown>
    </Popover>
  );
  return (
    <TextInput
      {...rest}
      label={label}
      readOnly={readOnly}
      value={text}
      placeholder="YYYY-MM-DD"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => change(e.currentTarget.value)}
      onBlur={(e) => {
        if (parsed.ok && parsed.value !== text) setText(parsed.value);
        onBlur?.(e);
      }}
      rightSection={readOnly ? undefined : picker}
    />
  );
}
