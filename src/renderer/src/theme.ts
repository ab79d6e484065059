import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';
import { readable, tint } from './contrast';

// Text is checked against the darkest surface it sits on (striped and greyed rows), not only white.
const SURFACE = '#eceef0';

// A calm government blue; dense defaults for an all-day working tool.
const deskBlue: MantineColorsTuple = [
  '#eef3fb',
  '#dbe4f2',
  '#b3c7e6',
  '#88a8da',
  '#648ecf',
  '#4d7dc9',
  '#4075c7',
  '#3163b0',
  '#28589e',
  '#1a4b8c',
];

/**
 * Every variant's text reaches 4.5:1 on its own background: filled backgrounds are darkened under white text, light
 * and outline text is darkened over its tint (Mantine's defaults give 2–3.6:1 for yellow, green, red and blue).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.value.startsWith('#') || input.color === 'dark') return base;
  const value = parsed.value;
  switch (input.variant ?? 'filled') {
    case 'filled': {
      const bg = readable(value);
      return { ...base, background: bg, hover: readable(value, '#ffffff', 5.6), color: '#ffffff', border: `1px solid ${bg}` };
    }
    case 'light':
      return { ...base, background: tint(value, 0.12), hover: tint(value, 0.18), color: readable(value, tint(value, 0.18)) };
    case 'outline':
    case 'subtle':
    case 'transparent':
      return { ...base, color: readable(value, SURFACE), hoverColor: readable(value, tint(value, 0.12)) };
    default:
      return base;
  }
};

const TEXT_COLORS = ['red', 'green', 'yellow', 'orange', 'teal', 'blue', 'cyan', 'grape', 'violet', 'indigo', 'pink', 'lime'] as const;

/** `c="red"`, anchors and dimmed hints read at 4.5:1 on the page's white and light-grey surfaces. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': readable(t.colors.gray[6], SURFACE),
    '--mantine-color-anchor': readable(t.colors[t.primaryColor]![6], SURFACE),
    ...Object.fromEntries(TEXT_COLORS.map((c) => [`--mantine-color-${c}-text`, readable(t.colors[c][6], SURFACE)])),
  },
  dark: {},
});

/** The theme in one language: close buttons of dialogs and toasts are named in the screen's language. */
export const makeTheme = (closeLabel: string) =>
  createTheme({
    variantColorResolver,
    primaryColor: 'desk',
    colors: { desk: deskBlue },
    defaultRadius: 'sm',
    fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
    headings: {
      fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
      fontWeight: '600',
    },
    fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
    components: {
      Button: { defaultProps: { size: 'sm' } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      TextInput: { defaultProps: { size: 'sm' } },
      Select: { defaultProps: { size: 'sm' } },
      // Badges at least 12 px (they were 9–11 px).
      Badge: { vars: () => ({ root: { '--badge-fz': '12px', '--badge-height': '20px' } }) },
      Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 8, fz: 'sm' } },
    },
  });
