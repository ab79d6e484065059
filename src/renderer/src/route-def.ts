import type { ReactNode } from 'react';
import type { Role } from '../../shared/domain/units';

/** One screen: its hash path pattern, who may open it, and where it sits in the navigation. */
export interface RouteDef {
  path: string;
  render(params: Record<string, string>): ReactNode;
  roles?: readonly Role[];
  nav?: { labelKey: string; order: number; testId: string };
  /** Full-screen routes (session mode, audience view) render without the app shell. */
  bare?: boolean;
}
