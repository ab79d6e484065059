import { useEffect, useState } from 'react';

/**
 * For a dialog that is mounted only while open (`{x && <Modal opened …/>}`): Mantine returns focus only when `opened`
 * turns false, never on unmount, so the focus would drop to the page body after Esc or 取消. The opener is read during
 * the first render, before the dialog moves focus inside, and gets the focus back when the dialog goes away.
 */
export function useReturnFocus(): void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (!opener) return;
      // After React has removed the dialog; a control the user moved to in the meantime keeps the focus.
      setTimeout(() => {
        const now = document.activeElement;
        if (opener.isConnected && (now === null || now === document.body)) opener.focus({ preventScroll: true });
      }, 0);
    },
    [opener],
  );
}
