import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The conditions editor is the desk's own form (Mantine, 11–14 px: an input's description, such as the due date a day
 * count gives, is 11 px); on the shared screen it is zoomed so that its smallest text is as large as the screen's body
 * text, whatever the screen.
 */
const SMALLEST_PX = 11;

export function useEditorZoom(panel: RefObject<HTMLDivElement | null>): number {
  const [zoom, setZoom] = useState(30 / SMALLEST_PX);
  useLayoutEffect(() => {
    const measure = () => {
      const base = panel.current ? parseFloat(getComputedStyle(panel.current).fontSize) : 30;
      setZoom(base / SMALLEST_PX);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [panel]);
  return zoom;
}
