import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../shared/schemas/settings';
import type { ChecklistRow } from '../review/ChecklistEditor';

interface Props {
  items: readonly ChecklistItem[];
  rows: ChecklistRow[];
  errors: Record<string, string>;
  onSet(code: string, patch: Partial<ChecklistRow>): void;
  onAllPass(): void;
}

/** The unit's checklist at the joint-session table, in projector size: pass / fail / n.a. per item, a note on a fail. */
export function TableChecklist({ items, rows, errors, onSet, onAllPass }: Props) {
  const { t, i18n } = useTranslation();
  // The desk reports by item code; a refused request's zod issue by position in the list sent.
  const checkError = (code: string, i: number) =>
    [
      errors[`checklist.${code}.result`],
      errors[`checklist.${code}.note`],
      errors[`checklist.${code}.code`],
      errors[`checklist.${i}.result`],
    ]
      .filter(Boolean)
      .join('；');
  return (
    <>
      <span className="mt-field-label">
        {t('rv.form.checklist')}{' '}
        <button
          type="button"
          className="mt-action secondary"
          style={{ fontSize: 'var(--b)', padding: '0 0.45em', marginLeft: '0.4em' }}
          onClick={onAllPass}
          data-testid="table-all-pass"
        >
          {t('rv.form.allPass')}（P）
        </button>
      </span>
      <div className="mt-check" data-testid="table-checklist">
        {items.map((it, i) => (
          <div key={it.code} style={{ display: 'contents' }}>
            <span>
              {i18n.language === 'en' ? it.textEn : it.textZh}
              {checkError(it.code, i) && <span className="mt-error"> · {checkError(it.code, i)}</span>}
            </span>
            <span className="opts">
              {(['pass', 'fail', 'na'] as const).map((r) => (
                <button
                  key={r}
                  type="button"
                  className={r}
                  aria-pressed={rows[i]?.result === r}
                  onClick={() => onSet(it.code, { result: r })}
                  data-testid={`table-check-${it.code}-${r}`}
                >
                  {t(`rv.check.${r}`)}
                </button>
              ))}
            </span>
            {rows[i]?.result === 'fail' && (
              <input
                className="mt-input mt-check-note"
                placeholder={t('rv.form.checkNote')}
                aria-label={t('rv.form.checkNote')}
                value={rows[i].note}
                onChange={(e) => onSet(it.code, { note: e.currentTarget.value })}
                data-testid={`table-check-${it.code}-note`}
              />
            )}
          </div>
        ))}
      </div>
    </>
  );
}
