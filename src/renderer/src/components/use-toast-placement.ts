import { useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';

export type ToastPosition = 'bottom-right' | 'bottom-left' | 'top-center';
const PLACES: ToastPosition[] = ['bottom-right', 'bottom-left', 'top-center'];
const TOAST = '.mantine-Notifications-notification';

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The focused control, when a toast lies over it. */
function coveredFocus(): Element | null {
  const toasts = document.querySelectorAll(TOAST);
  if (toasts.length === 0) return null;
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body || focused.closest(TOAST)) return null;
  const box = focused.getBoundingClientRect();
  return [...toasts].some((n) => overlaps(n.getBoundingClientRect(), box)) ? focused : null;
}

/**
 * Where toasts go: the usual corner, unless a toast there lies over the control that has the keyboard focus (the
 * due-items summary right after signing in, a "saved" toast over the next field). Then they move to the next place
 * that leaves the control free; when no place does, they are dismissed (what they said is also in the bell or on the
 * screen). Checked whenever the focus moves, the page scrolls or the DOM changes (a toast appearing).
 */
export function useToastPlacement(): ToastPosition {
  const [place, setPlace] = useState(0);
  useEffect(() => {
    let frame = 0;
    let tried: { target: Element; moves: number } | null = null;
    const check = () => {
      cancelAnimationFrame(frame);
      // After layout, so a toast that just appeared or moved is measured where it is.
      frame = requestAnimationFrame(() => {
        const covered = coveredFocus();
        if (!covered) return;
        if (tried?.target !== covered) tried = { target: covered, moves: 0 };
        if (tried.moves >= PLACES.length - 1) return notifications.clean();
        tried.moves += 1;
        setPlace((p) => (p + 1) % PLACES.length);
      });
    };
    document.addEventListener('focusin', check);
    window.addEventListener('scroll', check, true);
    const watch = new MutationObserver(check);
    watch.observe(document.body, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', check);
      window.removeEventListener('scroll', check, true);
      watch.disconnect();
    };
  }, []);
  return PLACES[place]!;
}
