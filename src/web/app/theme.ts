import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const FONT_STACK =
  '"Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "YuGothic", Meiryo, system-ui, sans-serif';

/** A sober government navy; shade 9 is the brand colour. */
const navy: MantineColorsTuple = [
  '#eef3f9',
  '#dce6f2',
  '#b5c9e3',
  '#8aaad2',
  '#668fc3',
  '#4e7dba',
  '#3f6faa',
  '#2f5d94',
  '#23497a',
  '#1b365d',
];

/** Warnings: dark enough for text on a light background. */
const amber: MantineColorsTuple = [
  '#fff8e6',
  '#ffefc2',
  '#ffe08a',
  '#ffcf4d',
  '#f5b921',
  '#e0a200',
  '#c48a00',
  '#a87400',
  '#8f6200',
  '#7a5200',
];

/** Mantine's teal and red with darker top shades, so light alerts and badges keep 4.5:1 text contrast. */
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#087f5b',
  '#066649',
];
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#fa5252',
  '#e03131',
  '#c92a2a',
  '#a51d1d',
];

/**
 * Mantine's green, orange and yellow with darker top shades: their shade 9 is the text colour of light
 * alerts and badges (accepted / returned / to-check), and Mantine's own stays below 4.5:1 on shade 1
 * (green 3.8, orange 3.6, yellow 2.7; axe color-contrast).
 */
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#37b24d',
  '#2b8a3e',
  '#1e6b30',
];
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#f76707',
  '#d9480f',
  '#a63a0a',
];
const yellow: MantineColorsTuple = [
  '#fff9db',
  '#fff3bf',
  '#ffec99',
  '#ffe066',
  '#ffd43b',
  '#fcc419',
  '#fab005',
  '#f59f00',
  '#c47a00',
  '#8f4f00',
];

export const theme = createTheme({
  primaryColor: 'navy',
  // Shade 9 of every palette keeps text on light backgrounds above WCAG AA contrast.
  primaryShade: { light: 9, dark: 7 },
  colors: { navy, amber, teal, red, green, orange, yellow },
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: {
    fontFamily: FONT_STACK,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.35' },
      h2: { fontSize: '1.3rem', lineHeight: '1.4' },
      h3: { fontSize: '1.1rem', lineHeight: '1.45' },
    },
  },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm' } },
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/** Mantine's default "dimmed" grey is below 4.5:1 on white; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-navy-8)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
