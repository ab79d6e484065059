/** The notification centre's bell lives in the header; the follow-up area fills it in. */
export function NotificationBell() {
  return null;
}
