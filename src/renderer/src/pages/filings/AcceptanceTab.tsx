import { useState } from 'react';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Settings } from '../../../../shared/schemas/settings';
import { DecisionRecord } from './AcceptanceRecord';
import { AcceptanceForm } from './AcceptanceForm';

export function AcceptanceTab({
  view,
  settings,
  canDecide,
  onView,
}: {
  view: FilingView;
  settings: Settings | null;
  canDecide: boolean;
  onView(v: FilingView): void;
}) {
  const [decidedHere, setDecidedHere] = useState(false);
  if (!canDecide) return <DecisionRecord view={view} settings={settings} focus={decidedHere} />;
  const decided = (v: FilingView) => {
    setDecidedHere(true);
    onView(v);
  };
  return <AcceptanceForm view={view} settings={settings} onView={decided} />;
}
