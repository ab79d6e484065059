import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithRef, MouseEvent } from 'react';

type Props = ButtonProps &
  Omit<ComponentPropsWithRef<'button'>, keyof ButtonProps> & {
    /** Saving: shown with a spinner and ignored clicks, but never `disabled`, so the focus stays on the button. */
    busy: boolean;
    'data-testid'?: string;
  };

/**
 * A button that keeps keyboard focus while its action runs. Mantine's `loading` sets `disabled`, and Chromium then drops
 * the focus to the page body, so a keyboard user has to find their place again after every save.
 */
export function BusyButton({ busy, onClick, leftSection, ...rest }: Props) {
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (busy) return e.preventDefault();
    onClick?.(e);
  };
  return (
    <Button
      {...rest}
      aria-busy={busy || undefined}
      data-busy={busy || undefined}
      leftSection={busy ? <Loader size={14} color="currentColor" aria-hidden /> : leftSection}
      onClick={click}
    />
  );
}
