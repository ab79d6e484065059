/** Focus the first field marked in error once the marks have rendered (two frames: React, then Mantine's props). */
export function focusFirstInvalid(root: HTMLElement | null): void {
  requestAnimationFrame(() => requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()));
}
