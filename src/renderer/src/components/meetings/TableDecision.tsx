import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../../shared/contract/meetings';
import type { ReviewView } from '../../../../shared/contract/review';
import type { Settings } from '../../../../shared/schemas/settings';
import type { UnitCode } from '../../../../shared/domain/units';
import { decisionProblems, type ReviewDecision } from '../../../../shared/domain/review';
import { checklistPath, checklistProblems } from '../../../../shared/domain/checklist';
import { call } from '../../api/client';
import { ConditionsEditor, type ConditionRow } from '../review/ConditionsEditor';
import { unitName } from '../review/labels';
import { newIdempotencyKey } from '../../api/idempotency';
import { useEditorZoom } from './use-editor-zoom';

const DECISIONS: ReviewDecision[] = ['approve', 'approveWithConditions', 'revise', 'reject', 'notInvolved'];
type Result = 'pass' | 'fail' | 'na';

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
  const [decision, setDecision] = useState<ReviewDecision | ''>(previous && !previous.stale ? previous.decision : '');
  const [opinion, setOpinion] = useState(previous?.opinion ?? '');
  const [reason, setReason] = useState(previous?.notInvolvedReason ?? '');
  const [checks, setChecks] = useState<Record<string, Result | ''>>(() =>
    Object.fromEntries((previous?.checklist ?? []).map((c) => [c.code, c.result])),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries((previous?.checklist ?? []).map((c) => [c.code, c.note])),
  );
  const answers = items.map((it) => ({ code: it.code, result: checks[it.code] ?? '', note: notes[it.code] ?? '' }));
  const [conditions, setConditions] = useState<ConditionRow[]>(() =>
    (previous?.conditions ?? []).map((c) => ({ text: c.text, verifyingUnit: c.verifyingUnit, dueDays: 20, blocks: c.blocks })),
  );
  const [stage, setStage] = useState<'form' | 'confirm'>('form');
  const [username, setUsername] = useState(attendees.length === 1 ? attendees[0]!.username : '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const passwordRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  const zoom = useEditorZoom(panelRef);
  const usernameRef = useRef<HTMLInputElement>(null);
  const edited = () => setKey(newIdempotencyKey());
  const canDecide = review.state === 'in_review' && section.inRound;

  const checkError = (code: string, i: number) =>
    [
      errors[`checklist.${code}.result`],
      errors[`checklist.${code}.note`],
      errors[`checklist.${code}.code`],
      errors[`checklist.${i}.result`],
    ]
      .filter(Boolean)
      .join('；');

  const choose = (d: ReviewDecision) => {
    setDecision(d);
    edited();
    if (d === 'approveWithConditions' && conditions.length === 0)
      setConditions([{ text: '', verifyingUnit: unit, dueDays: 20, blocks: 'hold' }]);
  };
  const allPass = () => {
    setChecks((c) => Object.fromEntries(items.map((it) => [it.code, c[it.code] || 'pass'])));
    edited();
  };

  /** Local checks first, so the reviewer is only asked for a password once the record is complete. */
  const record = () => {
    if (!canDecide) return;
    const local: Record<string, string> = {};
    if (!decision) local.decision = t('rv.form.chooseDecision');
    // The server's own checklist rule (domain §6): what it would refuse is marked here first.
    if (decision) for (const p of checklistProblems(items, answers, decision)) local[checklistPath(p.code, p.field)] ??= t(p.key, p.params);
    if (decision)
      for (const p of decisionProblems({ decision, opinion, notInvolvedReason: reason, conditions: [] }))
        if (p.path !== 'conditions') local[p.path] = t(p.key);
    setErrors(local);
    if (Object.keys(local).length) {
      setShown((n) => n + 1);
      return setMessage(t('rv.form.fixMarked'));
    }
    setMessage(null);
    setStage('confirm');
  };

  const confirm = async () => {
    if (busy || !decision) return;
    setBusy(true);
    const r = await call('meeting.confirmDecision', {
      meetingId: meeting.id,
      reviewerUsername: username,
      password,
      decision: {
        filingId: review.filingId,
        section: unit,
        round: review.currentRound ?? 1,
        filingVersion: review.filingVersion,
        decision,
        opinion,
        notInvolvedReason: decision === 'notInvolved' ? reason : '',
        checklist: answers.filter((a) => a.result !== '').map((a) => ({ code: a.code, result: a.result as Result, note: a.note })),
        conditions:
          decision === 'approveWithConditions'
            ? conditions.map((c) => ({
                text: c.text,
                verifyingUnit: c.verifyingUnit,
                dueDays: c.dueDays === '' ? 0 : c.dueDays,
                blocks: c.blocks,
              }))
            : [],
        idempotencyKey: key,
      },
    });
    setBusy(false);
    setPassword('');
    if (r.ok) {
      const by = r.value.sections.find((s) => s.section === unit)?.current?.decidedBy ?? username;
      onRecorded(r.value, by);
      return;
    }
    // A transport failure may have committed: only then is the same key kept for the retry.
    if (r.error.code !== 'INTERNAL') edited();
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
            <>
              <span className="mt-field-label">
                {t('rv.form.checklist')}{' '}
                <button
                  type="button"
                  className="mt-action secondary"
                  style={{ fontSize: 'var(--b)', padding: '0 0.45em', marginLeft: '0.4em' }}
                  onClick={allPass}
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
                          aria-pressed={checks[it.code] === r}
                          onClick={() => {
                            setChecks((c) => ({ ...c, [it.code]: r }));
                            edited();
                          }}
                          data-testid={`table-check-${it.code}-${r}`}
                        >
                          {t(`rv.check.${r}`)}
                        </button>
                      ))}
                    </span>
                    {checks[it.code] === 'fail' && (
                      <input
                        className="mt-input mt-check-note"
                        placeholder={t('rv.form.checkNote')}
                        aria-label={t('rv.form.checkNote')}
                        value={notes[it.code] ?? ''}
                        onChange={(e) => (setNotes((n) => ({ ...n, [it.code]: e.currentTarget.value })), edited())}
                        data-testid={`table-check-${it.code}-note`}
                      />
                    )}
                  </div>
                ))}
              </div>
            </>
          )}
          {decision === 'notInvolved' && (
            <label>
              <span className="mt-field-label">{t('rv.form.notInvolvedReason')}</span>
              <textarea
                className="mt-textarea"
                rows={2}
                value={reason}
                onChange={(e) => (setReason(e.currentTarget.value), edited())}
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
              value={opinion}
              onChange={(e) => (setOpinion(e.currentTarget.value), edited())}
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
              <ConditionsEditor rows={conditions} errors={errors} defaultUnit={unit} onChange={(c) => (setConditions(c), edited())} />
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
