import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/schemas/settings';
import { call } from '../../api/client';

let cached: Promise<Settings | null> | null = null;

/**
 * Unit names and checklists come from Settings. One request per page load is plenty: an admin changing
 * a checklist mid-review is rare, and a reload picks it up.
 */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    cached ??= call('settings.get', {}).then((r) => {
      if (!r.ok) cached = null;
      return r.ok ? r.value : null;
    });
    void cached.then((s) => alive && setSettings(s));
    return () => {
      alive = false;
    };
  }, []);
  return settings;
}
