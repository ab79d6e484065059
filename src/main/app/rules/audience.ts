/** `…#/meetings/12/audience`: the joint session's audience view; answers the meeting id or null. */
export function audienceMeetingId(url: string): number | null {
  const m = /#\/meetings\/(\d+)\/audience$/.exec(url);
  return m ? Number(m[1]) : null;
}

export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The display for a meeting's audience window: the first one that is not the host's (the projector), or null when
 * only one display is connected and the window stays beside the host's.
 */
export function pickAudienceDisplay<D extends DisplayLike>(displays: readonly D[], hostDisplayId: number | null): D | null {
  if (displays.length < 2) return null;
  return displays.find((d) => d.id !== hostDisplayId) ?? null;
}
