/**
 * Opens the audience view in a second window. In browser mode the new window shares this tab's sessionStorage
 * (token and client id) and so its signed-in session; in Electron the window-open guard opens an app window on the
 * second display when there is one. Both follow the host through 'meeting.changed'.
 */
export function openAudience(meetingId: number): Window | null {
  const url = new URL(window.location.href);
  url.hash = `#/meetings/${meetingId}/audience`;
  return window.open(url.toString(), `desk-audience-${meetingId}`);
}
