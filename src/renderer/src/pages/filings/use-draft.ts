import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyFilingFields, type FilingFields } from '../../../../shared/schemas/filing';
import type { FilingView } from '../../../../shared/contract/filings';
import { mayBeUnsent } from '../../../../shared/result';
import { call, connection, onReconnected } from '../../api/client';
import { clientFieldErrors, formPaths, type FieldErrors } from '../../components/filing/field-errors';
import { setAt } from '../../components/filing/paths';

/** `offline`: the last save got no answer and the desk server is out of reach; it is sent again when it is back. */
export type SaveStatus = 'clean' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'error' | 'stale' | 'offline';

const IDLE_MS = 1500;
const json = (f: FilingFields) => JSON.stringify(f);

/**
 * The hand-over from the new-filing form to the created filing's page: the page opens with the created view at once
 * (no loading gap that would swallow keystrokes), reads the old form's values live at the moment it mounts (so nothing
 * typed during the hand-over is lost) and puts focus and caret back into the same field.
 */
interface Handoff {
  view: FilingView;
  live(): FilingFields;
}
const handoff = new Map<number, Handoff>();

/** The view of a filing just created by the new-filing form, if its page is opening now. */
export const handedView = (id: number): FilingView | null => handoff.get(id)?.view ?? null;

interface FocusMark {
  path: string;
  start: number | null;
  end: number | null;
}

/** Which form field has focus (read while the old form is still in the document). */
function markFocus(): FocusMark | null {
  const el = document.activeElement;
  const path = el instanceof HTMLElement ? el.closest<HTMLElement>('[data-path]')?.dataset.path : undefined;
  if (!path) return null;
  const text = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  return { path, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null };
}

function restoreFocus(mark: FocusMark | null): void {
  if (!mark) return;
  const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(mark.path)}"]`);
  if (!el) return;
  el.focus();
  if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && mark.start !== null) {
    const at = Math.min(mark.start, el.value.length);
    el.setSelectionRange(at, Math.min(mark.end ?? at, el.value.length));
  }
}

interface Options {
  /** null: a new filing; the first valid save creates it. */
  view: FilingView | null;
  editable: boolean;
  onView(view: FilingView): void;
  onCreated?(view: FilingView): void;
}

/**
 * The record form's state and autosave: saves after 1.5 s idle with the version it was based on, never over someone
 * else's change (STALE and foreign updates stop autosave and raise the conflict instead).
 */
export function useDraft({ view, editable, onView, onCreated }: Options) {
  const { t } = useTranslation();
  const [handed] = useState(() => (view ? (handoff.get(view.id) ?? null) : null));
  const [focusMark] = useState(() => (handed ? markFocus() : null));
  const [start] = useState(() => handed?.live() ?? view?.fields ?? emptyFilingFields());
  const [values, setValues] = useState<FilingFields>(start);
  const [status, setStatus] = useState<SaveStatus>(() =>
    !view || json(start) === json(view.fields) ? (handed ? 'saved' : 'clean') : 'dirty',
  );
  // The page a new filing opens on goes on saying it was just saved.
  const [savedAt, setSavedAt] = useState<Date | null>(() => (handed ? new Date() : null));
  const [message, setMessage] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [stale, setStale] = useState<FilingView | null>(null);

  const valuesRef = useRef(values);
  useLayoutEffect(() => {
    valuesRef.current = values;
  }, [values]);
  const [initialJson] = useState(() => json(view?.fields ?? emptyFilingFields()));
  const sentRef = useRef(initialJson);
  const serverRef = useRef(initialJson);
  const versionRef = useRef(view?.version ?? 0);
  const idRef = useRef<number | null>(view?.id ?? null);
  const staleRef = useRef(false);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The last save may not have reached the server (no answer, or it or its database out of reach): sent again once
  // when the desk is reached again, as the same update of the same version (a save that did land meanwhile is STALE).
  const unsentRef = useRef(false);
  const [unsent, setUnsent] = useState(false);
  const markUnsent = useCallback((v: boolean) => {
    unsentRef.current = v;
    setUnsent(v);
  }, []);
  const phase = useSyncExternalStore(connection.subscribe, () => connection.state().phase);

  useEffect(() => {
    if (view) handoff.delete(view.id);
  }, [view]);
  // Runs before the browser handles the next keystroke, so typing goes on in the same field.
  useLayoutEffect(() => restoreFocus(focusMark), [focusMark]);

  const clientErrors = useMemo(() => clientFieldErrors(values, t), [values, t]);

  const adopt = useCallback((v: FilingView, fields = v.fields) => {
    versionRef.current = v.version;
    serverRef.current = json(v.fields);
    sentRef.current = json(fields);
    idRef.current = v.id;
  }, []);

  /** The server holds exactly what the form holds (a save whose answer was lost did land): saved, no conflict. */
  const landed = useCallback(
    (v: FilingView) => {
      adopt(v);
      staleRef.current = false;
      setStale(null);
      markUnsent(false);
      setSavedAt(new Date());
      setStatus('saved');
    },
    [adopt, markUnsent],
  );

  const once = useCallback(async (): Promise<boolean> => {
    const snapshot = valuesRef.current;
    const body = json(snapshot);
    if (body === sentRef.current) return true;
    if (staleRef.current) return false;
    if (Object.keys(clientFieldErrors(snapshot, t)).length) {
      setStatus('invalid');
      return false;
    }
    setStatus('saving');
    setMessage(null);
    const id = idRef.current;
    const r =
      id === null
        ? await call('filing.create', { fields: snapshot })
        : await call('filing.update', { id, version: versionRef.current, fields: snapshot });
    markUnsent(!r.ok && mayBeUnsent(r.error.code));
    if (r.ok) {
      adopt(r.value, snapshot);
      setSavedAt(new Date());
      setServerErrors({});
      const more = json(valuesRef.current) !== body;
      setStatus(more ? 'dirty' : 'saved');
      if (id === null) {
        handoff.set(r.value.id, { view: r.value, live: () => valuesRef.current });
        onCreated?.(r.value);
      } else onView(r.value);
      return !more;
    }
    const current = r.error.current as FilingView | undefined;
    if (r.error.code === 'STALE' && current && json(current.fields) === json(valuesRef.current)) {
      landed(current);
      onView(current);
      return true;
    }
    if (r.error.code === 'STALE') {
      staleRef.current = true;
      setStale((r.error.current as FilingView | undefined) ?? null);
      setStatus('stale');
    } else {
      setServerErrors(formPaths(r.error.fields));
      setStatus(r.error.code === 'INVALID' ? 'invalid' : 'error');
    }
    setMessage(r.error.message);
    return false;
  }, [adopt, landed, markUnsent, onCreated, onView, t]);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    const p = once();
    inflight.current = p;
    try {
      return await p;
    } finally {
      inflight.current = null;
    }
  }, [once]);

  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Autosave after 1.5 s without typing; only a change of the values restarts the wait (a failed save does not retry by itself).
  useEffect(() => {
    if (!editable || staleRef.current) return;
    if (json(values) === sentRef.current) return;
    setStatus((s) => (s === 'saving' ? s : 'dirty'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), IDLE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [values, editable]);

  // The desk answers again after it was lost: the save that got no answer is sent once more, without more typing.
  useEffect(
    () =>
      onReconnected(() => {
        if (!unsentRef.current || staleRef.current || !editable) return;
        unsentRef.current = false;
        void saveRef.current();
      }),
    [editable],
  );

  // Someone else's change arriving (live event or a reload): adopt it when nothing is pending, else raise the conflict.
  useEffect(() => {
    if (!view || view.version <= versionRef.current) return;
    const dirty = json(valuesRef.current) !== sentRef.current;
    if (json(view.fields) === serverRef.current) versionRef.current = view.version;
    else if (json(view.fields) === json(valuesRef.current)) landed(view);
    else if (!dirty) {
      adopt(view);
      setValues(view.fields);
    } else {
      staleRef.current = true;
      setStale(view);
      setStatus('stale');
    }
  }, [view, adopt, landed]);

  const reloadCurrent = useCallback(async () => {
    const id = idRef.current;
    if (id === null) return;
    const r = await call('filing.get', { id });
    if (!r.ok) {
      setMessage(r.error.message);
      return;
    }
    adopt(r.value);
    staleRef.current = false;
    setStale(null);
    setValues(r.value.fields);
    setServerErrors({});
    setStatus('clean');
    setMessage(null);
    onView(r.value);
  }, [adopt, onView]);

  const set = useCallback((path: string, value: unknown) => {
    setValues((v) => setAt(v, path, value));
    setServerErrors((e) =>
      Object.fromEntries(Object.entries(e).filter(([k]) => k !== path && !k.startsWith(`${path}.`) && !path.startsWith(`${k}.`))),
    );
  }, []);
  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), []);

  const shownErrors: FieldErrors = { ...serverErrors };
  for (const [path, msg] of Object.entries(clientErrors)) if (showAll || touched.has(path)) shownErrors[path] = msg;

  /** Saves now (explicit save, before submit); shows every error if the form is not valid. */
  const flush = useCallback(async () => {
    setShowAll(true);
    return save();
  }, [save]);

  return {
    values,
    set,
    touch,
    errors: shownErrors,
    invalidCount: Object.keys(clientErrors).length,
    setServerErrors: (e: FieldErrors) => {
      setShowAll(true);
      setServerErrors(e);
    },
    // While the server is out of reach, a save that failed for that says so (and that it is sent again on return).
    status: status === 'error' && unsent && (phase === 'lost' || phase === 'reconnecting') ? ('offline' as const) : status,
    savedAt,
    message,
    stale,
    reloadCurrent,
    flush,
    isDirty: status !== 'clean' && status !== 'saved',
  };
}

export type Draft = ReturnType<typeof useDraft>;
