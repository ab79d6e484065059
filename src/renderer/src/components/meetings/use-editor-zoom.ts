import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The conditions editor is the desk's own form (Mantine, 12–14 px); on the shared screen it is zoomed so that its
 * smallest text (12 px) is as large as the screen's body text, whatever the screen.
 */
export function useEditorZoom(panel: RefObject<HTMLDivElement | null>): number {
  const [zoom, setZoom] = useState(2.5);
  useLayoutEffect(() => {
    const measure = () => {
      const base = panel.current ? parseFloat(getComputedStyle(panel.current).fontSize) : 30;
      setZoom(base / 12);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [panel]);
  return zoom;
}
