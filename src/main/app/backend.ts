import type { EventEmitter } from 'node:events';
import type { Desk } from '../desk';
import type { Dispatch } from '../dispatch';
import type { FileServer } from '../host/files';
import type { Relay } from '../remote/relay';
import type { RemoteFailure } from '../remote/pinned';

/**
 * What the Electron shell serves its windows from: the local desk (standalone) or the relay to the district server
 * (connected, issue 16 item 7). Both answer the same dispatch and file calls and emit 'desk-event', so the IPC
 * wiring, the preload bridge and the renderer are the same in both modes.
 */
export interface Backend {
  running: 'local' | 'server';
  dispatch: Dispatch;
  files: FileServer;
  /** `sessions`: window connection → session secret, held in the main process only; `events`: 'desk-event'. */
  services: { events: EventEmitter; sessions: Map<string, string> };
  /** The local desk, for the start-up checks and escalation a standalone desk runs; null when connected. */
  local: Desk | null;
  /** Connected: one pinned connection now, so a changed certificate is known before the first screen. */
  check(): Promise<RemoteFailure | null>;
  problem(): RemoteFailure | null;
  close(): void;
}

export function localBackend(desk: Desk): Backend {
  return {
    running: 'local',
    dispatch: desk.dispatch,
    files: desk.files,
    services: desk.services,
    local: desk,
    check: () => Promise.resolve(null),
    problem: () => null,
    close: () => void desk.close(),
  };
}

export function relayBackend(relay: Relay): Backend {
  return {
    running: 'server',
    dispatch: relay.dispatch,
    files: relay.files,
    services: { events: relay.events, sessions: relay.held },
    local: null,
    check: relay.check,
    problem: relay.problem,
    close: relay.close,
  };
}
