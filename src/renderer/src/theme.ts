import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
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
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 8, fz: 'sm' } },
  },
});
