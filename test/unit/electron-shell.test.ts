import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../src/main/app/origin';
import {
  downloadAllowed,
  navigationDecision,
  permissionCheck,
  permissionGranted,
  windowOpenDecision,
} from '../../src/main/app/rules/navigation';
import { audienceMeetingId, pickAudienceDisplay } from '../../src/main/app/rules/audience';
import { defaultSavePath, downloadOutcome, fileRoute, parseFileRequest } from '../../src/main/app/rules/downloads';
import { appDataDir, DEVELOPMENT_VARIABLES, shellEnv } from '../../src/main/app/rules/launch';
import { menuLabel, type MenuLabel } from '../../src/main/app/rules/menu';
import { defaultDataDir } from '../../src/main/paths';
import { DownloadTickets } from '../../src/main/app/tickets';

const trusted = new Set([APP_ORIGIN]);
const withDev = new Set([APP_ORIGIN, 'http://localhost:5173']);

describe('navigation inside the app', () => {
  it('turns a main-frame navigation to a file route into a download', () => {
    expect(navigationDecision('app://desk/files/certificate/3', true, trusted)).toBe('download');
  });
  it('lets an inner frame (the PDF viewer) load its file instead of intercepting it again', () => {
    expect(navigationDecision('app://desk/files/certificate/3?ticket=abc', false, trusted)).toBe('allow');
  });
  it('lets Chromium’s PDF viewer load its own inner frame, but never as the page itself', () => {
    expect(navigationDecision('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', false, trusted)).toBe('allow');
    expect(navigationDecision('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', true, trusted)).toBe('deny');
    expect(navigationDecision('chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/index.html', false, trusted)).toBe('deny');
  });
  it('allows the app’s own pages and refuses everything else, in any frame', () => {
    expect(navigationDecision('app://desk/index.html#/filings', true, trusted)).toBe('allow');
    for (const url of ['https://example.com/files/x', 'file:///etc/passwd', 'app://other/files/x', 'javascript:alert(1)']) {
      expect(navigationDecision(url, true, trusted)).toBe('deny');
      expect(navigationDecision(url, false, trusted)).toBe('deny');
    }
  });
  it('trusts the dev server only when it is in the trusted set', () => {
    expect(navigationDecision('http://localhost:5173/files/export/1', true, trusted)).toBe('deny');
    expect(navigationDecision('http://localhost:5173/files/export/1', true, withDev)).toBe('download');
  });
  it('opens app pages as app windows, files as downloads, and nothing foreign', () => {
    expect(windowOpenDecision('app://desk/index.html#/meetings/4/audience', trusted)).toBe('app-window');
    expect(windowOpenDecision('app://desk/files/minutes/4', trusted)).toBe('download');
    expect(windowOpenDecision('https://example.com/', trusted)).toBe('deny');
  });
  it('accepts downloads of the app’s files and blobs, cancels others', () => {
    expect(downloadAllowed('app://desk/files/export/7?ticket=x', trusted)).toBe(true);
    expect(downloadAllowed('blob:app://desk/6f1c-2a', trusted)).toBe(true);
    expect(downloadAllowed('blob:https://example.com/6f1c', trusted)).toBe(false);
    expect(downloadAllowed('https://example.com/setup.exe', trusted)).toBe(false);
  });
});

describe('permissions', () => {
  it('grants full screen to the app’s own pages only', () => {
    expect(permissionGranted('fullscreen', 'app://desk/index.html#/meetings/2/audience', trusted)).toBe(true);
    expect(permissionGranted('fullscreen', 'https://example.com/', trusted)).toBe(false);
    expect(permissionGranted('fullscreen', undefined, trusted)).toBe(false);
  });
  it('denies every other request, even from the app', () => {
    for (const p of ['geolocation', 'media', 'notifications', 'openExternal', 'clipboard-read', 'display-capture', 'unknown']) {
      expect(permissionGranted(p, 'app://desk/index.html', trusted)).toBe(false);
    }
  });
  it('answers checks for printing and full screen from the app, nothing else', () => {
    expect(permissionCheck('web-printing', 'app://desk', trusted)).toBe(true);
    expect(permissionCheck('fullscreen', 'app://desk/', trusted)).toBe(true);
    expect(permissionCheck('fullscreen', 'https://example.com', trusted)).toBe(false);
    expect(permissionCheck('geolocation', 'app://desk', trusted)).toBe(false);
  });
});

describe('the audience window', () => {
  const d = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });
  it('knows the meeting of an audience URL', () => {
    expect(audienceMeetingId('app://desk/index.html#/meetings/12/audience')).toBe(12);
    expect(audienceMeetingId('app://desk/index.html#/meetings/12')).toBeNull();
    expect(audienceMeetingId('app://desk/index.html#/meetings/12/audience/x')).toBeNull();
  });
  it('goes to the display that is not the host’s, whichever order the OS lists them in', () => {
    expect(pickAudienceDisplay([d(1, 0), d(2, 1920)], 1)?.id).toBe(2);
    expect(pickAudienceDisplay([d(2, 1920), d(1, 0)], 1)?.id).toBe(2);
    expect(pickAudienceDisplay([d(1, 0), d(2, 1920)], 2)?.id).toBe(1);
  });
  it('stays beside the host’s window on one display', () => {
    expect(pickAudienceDisplay([d(1, 0)], 1)).toBeNull();
    expect(pickAudienceDisplay([], null)).toBeNull();
  });
});

describe('files the renderer may ask for', () => {
  it('accepts a route kind and an id, nothing that could become a path or a URL', () => {
    expect(parseFileRequest({ kind: 'export', id: 'a1_B-2', filename: '备案.xlsx' })).toEqual({
      kind: 'export',
      id: 'a1_B-2',
      filename: '备案.xlsx',
    });
    expect(parseFileRequest({ kind: 'certificate', id: 17 })).toEqual({ kind: 'certificate', id: '17' });
    for (const bad of [
      null,
      'x',
      { kind: '../x', id: '1' },
      { kind: 'export', id: '../../etc' },
      { kind: 'export', id: 'a/b' },
      { kind: 'Export', id: '1' },
      { kind: 'export', id: 1.5 },
      { kind: 'export', id: '1', filename: 3 },
    ]) {
      expect(parseFileRequest(bad)).toBeNull();
    }
    expect(fileRoute(APP_ORIGIN, { kind: 'export', id: 'a1' })).toBe('app://desk/files/export/a1');
  });
  it('starts the save dialog in Downloads with a plain file name', () => {
    expect(defaultSavePath('/home/u/Downloads', '备案 2026.xlsx', 'download')).toBe(join('/home/u/Downloads', '备案 2026.xlsx'));
    expect(defaultSavePath('/home/u/Downloads', '../../.bashrc', 'download')).toBe(join('/home/u/Downloads', '.._.._.bashrc'));
    expect(defaultSavePath('/home/u/Downloads', 'a\\b:c?.csv', 'download')).toBe(join('/home/u/Downloads', 'a_b_c_.csv'));
    expect(defaultSavePath('/home/u/Downloads', '..', 'download')).toBe(join('/home/u/Downloads', 'download'));
    expect(defaultSavePath('/home/u/Downloads', undefined, 'download')).toBe(join('/home/u/Downloads', 'download'));
  });
  it('reports saved, cancelled and failed as they are', () => {
    expect(downloadOutcome('completed', '/d/a.xlsx', 'failed')).toEqual({ ok: true, value: { saved: true, path: '/d/a.xlsx' } });
    expect(downloadOutcome('cancelled', '', 'failed')).toEqual({ ok: true, value: { saved: false } });
    expect(downloadOutcome('interrupted', '/d/a.xlsx', 'not saved')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'not saved' },
    });
  });
  it('gives each ticket once, to the session it was minted for, until it expires', () => {
    const tickets = new DownloadTickets();
    const t = tickets.mint('window-session-secret', 'en', 1_000);
    expect(tickets.take(t, 2_000)).toEqual({ connectionId: 'window-session-secret', lang: 'en', expires: 61_000 });
    expect(tickets.take(t, 2_000)).toBeNull();
    const late = tickets.mint('s', 'zh-CN', 1_000);
    expect(tickets.take(late, 61_001)).toBeNull();
    expect(tickets.take(null)).toBeNull();
  });
});

describe('a packaged desk and its environment', () => {
  const env = {
    DESK_TEST_FAST_KDF: '1',
    DESK_DATA_DIR: '/tmp/elsewhere',
    ELECTRON_RENDERER_URL: 'http://localhost:5173',
    DESK_E2E_INSPECT: '1',
    DESK_RESOURCES: '/tmp/r',
    LANG: 'zh_CN.UTF-8',
  };
  it('drops the test and development variables when packaged, keeps them in development', () => {
    expect(shellEnv(env, true)).toEqual({ LANG: 'zh_CN.UTF-8' });
    expect(shellEnv(env, false)).toEqual(env);
    expect(DEVELOPMENT_VARIABLES).toEqual(expect.arrayContaining(['DESK_TEST_FAST_KDF', 'DESK_DATA_DIR', 'ELECTRON_RENDERER_URL']));
  });
  it('uses the CLI’s data folder, so app and CLI share one on every OS', () => {
    expect(appDataDir(shellEnv(env, true))).toBe(defaultDataDir());
    expect(appDataDir(shellEnv(env, false))).toBe('/tmp/elsewhere');
    expect(appDataDir(shellEnv(env, true), 'relative/dir')).toBe(join(process.cwd(), 'relative/dir'));
  });
});

describe('menu labels', () => {
  it('are Chinese for a Chinese system, Edit menu included, and English otherwise', () => {
    const keys: MenuLabel[] = ['edit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'fullscreen'];
    expect(keys.map((k) => menuLabel(k, 'zh-CN'))).toEqual(['编辑', '撤销', '重做', '剪切', '复制', '粘贴', '全选', '全屏']);
    expect(keys.map((k) => menuLabel(k, 'en'))).toEqual(['Edit', 'Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select all', 'Full screen']);
  });
});
