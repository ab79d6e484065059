import { Code } from '@mantine/core';
import { fingerprintLines } from './shell';

/** A certificate fingerprint large enough to compare from a printed sheet, four groups of eight pairs. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <Code block data-testid={testId} style={{ fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.6, letterSpacing: '0.04em' }}>
      {fingerprintLines(value).join('\n')}
    </Code>
  );
}
