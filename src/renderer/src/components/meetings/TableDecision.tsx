import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../../shared/contract/meetings';
import type { ReviewView } from '../../../../shared/contract/review';
import type { Settings } from '../../../../shared/schemas/settings';
import type { UnitCode } from '../../../../shared/domain/units';
import type { ReviewDecision } from '../../../../shared/domain/review';
import { call } from '../../api/client';
import { ConditionsEditor } from '../review/ConditionsEditor';
import { useDecisionDraft } from '../review/use-decision-draft';
import { TableChecklist } from './TableChecklist';
import { unitName } from '../review/labels';
import { useEditorZoom } from './use-editor-zoom';

const DECISIONS: ReviewDecision[] = ['approve', 'approveWithConditions', 'revise', 'reject', 'notInvolved'];

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);

interface Props {
  meeting: MeetingView;
  review: ReviewView;
  unit: UnitCode;
  settings: Settings | null;
  onClose(): void;
  onRecorded(view: ReviewView, by: string): void;
}

/**
 * One unit's section at the table: the unit states its decision, then its reviewer confirms with their own password.
 * Keys: ↑ ↓ choose the decision, P answers every open checklist item "pass", Enter records, Esc steps back.
 */
export function TableDecision({ meeting, review, unit, settings, onClose, onRecorded }: Props) {
  const { t, i18n } = useTranslation();
  const section = review.sections.find((s) => s.section === unit)!;
  const previous = section.current;
  const items = settings?.checklists[unit] ?? [];
  const attendees = meeting.attendance.find((a) => a.unit === unit)?.attendees ?? [];
  const draft = useDecisionDraft(
    { filingId: review.filingId, section: unit, round: review.currentRound ?? 1, filingVersion: review.filingVersion },
    items,
    previous,
    previous && !previous.stale ? previous.decision : '',
  );
  const { decision, rows, choose, allPass } = draft;
  const [stage, setStage] = useState<'form' | 'confirm'>('form');
  const [username, setUsername] = useState(attendees.length === 1 ? attendees[0]!.username : '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  const zoom = useEditorZoom(panelRef);
  const usernameRef = useRef<HTMLInputElement>(null);
  const canDecide = review.state === 'in_review' && section.inRound;

  /** Local checks first, so the reviewer is only asked for a password once the record is complete. */
  const record = () => {
    if (!canDecide) return;
    const { errors: local } = draft.check();
    setErrors(local ?? {});
    if (local) {
      setShown((n) => n + 1);
      return setMessage(t('rv.form.fixMarked'));
    }
    setMessage(null);
    setStage('confirm');
  };

  const confirm = async () => {
    const { input } = draft.check();
    if (busy || !input) return;
    setBusy(true);
    const r = await call('meeting.confirmDecision', { meetingId: meeting.id, reviewerUsername: username, password, decision: input });
    setBusy(false);
    setPassword('');
    draft.answered(r.ok ? null : r.error);
    if (r.ok) {
      const by = r.value.sections.find((s) => s.section === unit)?.current?.decidedBy ?? username;
      onRecorded(r.value, by);
      return;
    }
    const fields = Object.fromEntries(Object.entries(r.error.fields ?? {}).map(([k, v]) => [k.replace(/^decision\./, ''), v]));
    setErrors(fields);
    setMessage(r.error.message);
    const onForm = Object.keys(fields).some((k) => k !== 'password' && k !== 'reviewerUsername');
    if (onForm || r.error.code === 'STALE') setStage('form');
    else if (fields.reviewerUsername) usernameRef.current?.focus();
    else passwordRef.current?.focus();
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (stage === 'confirm') setStage('form');
      else onClose();
      return;
    }
    if (stage !== 'form' || typing(e.target)) return;
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      record();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const i = decision ? DECISIONS.indexOf(decision) : -1;
      choose(DECISIONS[(i + (e.key === 'ArrowDown' ? 1 : DECISIONS.length - 1)) % DECISIONS.length]!);
    } else if (e.key.toLowerCase() === 'p') allPass();
  });
  useEffect(() => {
    const on = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
  // A dialog: focus moves into it when it opens, so Enter acts here and not on whatever had focus behind it.
  useEffect(() => panelRef.current?.focus(), []);
  // The message under the form may be below the panel's fold: bring it into view each time it is given.
  useEffect(() => {
    if (shown) messageRef.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  useEffect(() => {
    if (stage === 'confirm') (username ? passwordRef : usernameRef).current?.focus();
    // Focus moves once, when the confirmation step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stage]);

  const name = unitName(settings, unit, i18n.language, t(`unit.${unit}`));
  return (
    <div
      ref={panelRef}
      tabIndex={-1}
      className="mt-panel"
      data-testid="table-panel"
      data-unit={unit}
      data-stage={stage}
      role="dialog"
      aria-modal="true"
      aria-label={name}
    >
      <h2 className="mt-section-title" style={{ fontSize: 'calc(var(--b) * 1.2)' }}>
        {name} · {t('rv.roundN', { n: review.currentRound ?? 1 })}
      </h2>
      {!canDecide ? (
        <p data-testid="table-cannot">{review.state !== 'in_review' ? t(`state.${review.state}`) : t('mt.notInRound')}</p>
      ) : stage === 'form' ? (
        <>
          <span className="mt-field-label">{t('mt.decisionKeys')}（↑ ↓）</span>
          <div className="mt-choices" role="radiogroup" data-testid="table-decision">
            {DECISIONS.map((d) => (
              <button
                key={d}
                type="button"
                className="mt-choice"
                aria-pressed={decision === d}
                onClick={() => choose(d)}
                data-testid={`table-decision-${d}`}
              >
                {t(`rv.decision.${d}`)}
              </button>
            ))}
          </div>
          {errors.decision && <div className="mt-error">{errors.decision}</div>}
          {decision !== 'notInvolved' && items.length > 0 && (
            <TableChecklist items={items} rows={rows} errors={errors} onSet={draft.setRow} onAllPass={allPass} />
          )}
          {decision === 'notInvolved' && (
            <label>
              <span className="mt-field-label">{t('rv.form.notInvolvedReason')}</span>
              <textarea
                className="mt-textarea"
                rows={2}
                value={draft.reason}
                onChange={(e) => draft.setReason(e.currentTarget.value)}
                data-testid="table-reason"
              />
              {errors.notInvolvedReason && <div className="mt-error">{errors.notInvolvedReason}</div>}
            </label>
          )}
          <label>
            <span className="mt-field-label">{t('rv.form.opinion')}</span>
            <textarea
              className="mt-textarea"
              rows={3}
              value={draft.opinion}
              onChange={(e) => draft.setOpinion(e.currentTarget.value)}
              data-testid="table-opinion"
            />
            {errors.opinion && (
              <div className="mt-error" data-testid="table-opinion-error">
                {errors.opinion}
              </div>
            )}
          </label>
          {decision === 'approveWithConditions' && (
            <div style={{ zoom, marginTop: '0.3em' }} data-testid="table-conditions">
              <ConditionsEditor rows={draft.conditions} errors={errors} defaultUnit={unit} onChange={draft.setConditions} />
            </div>
          )}
          {message && (
            <div className="mt-error" data-testid="table-message" ref={messageRef}>
              {message}
            </div>
          )}
          <div className="mt-actions">
            <button type="button" className="mt-action" onClick={record} data-testid="table-record">
              {t('mt.record')}
            </button>
            <button type="button" className="mt-action secondary" onClick={onClose}>
              {t('mt.back')}（Esc）
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          data-testid="table-confirm"
        >
          <h3 style={{ fontSize: 'calc(var(--b) * 1.133)', margin: '0.25em 0' }}>{t('mt.confirmTitle', { unit: name })}</h3>
          <p style={{ margin: '0 0 0.25em' }}>
            <span className={`mt-decision ${decision}`}>{decision && t(`rv.decision.${decision}`)}</span>
          </p>
          <p style={{ margin: '0 0 0.4em', color: '#374151' }}>{t('mt.confirmHint')}</p>
          <label>
            <span className="mt-field-label">{t('mt.reviewer')}</span>
            <input
              ref={usernameRef}
              className="mt-input"
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              data-testid="table-username"
              list="mt-attendees"
            />
            <datalist id="mt-attendees">
              {attendees.map((a) => (
                <option key={a.userId} value={a.username}>
                  {a.displayName}
                </option>
              ))}
            </datalist>
            {errors.reviewerUsername && (
              <div className="mt-error" data-testid="table-username-error">
                {errors.reviewerUsername}
              </div>
            )}
          </label>
          <label>
            <span className="mt-field-label">{t('mt.password')}</span>
            <input
              ref={passwordRef}
              className="mt-input"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="table-password"
            />
            {errors.password && (
              <div className="mt-error" data-testid="table-password-error">
                {errors.password}
              </div>
            )}
          </label>
          {message && !errors.password && !errors.reviewerUsername && (
            <div className="mt-error" data-testid="table-message">
              {message}
            </div>
          )}
          <div className="mt-actions">
            <button type="submit" className="mt-action" disabled={busy || !password || !username} data-testid="table-confirm-submit">
              {t('mt.confirm')}
            </button>
            <button type="button" className="mt-action secondary" onClick={() => setStage('form')}>
              {t('mt.back')}（Esc）
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
