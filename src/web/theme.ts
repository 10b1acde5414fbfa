import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm teal; shades 7–9 keep AA contrast for text and filled buttons on white.
const teal: MantineColorsTuple = [
  '#e6f6f7',
  '#ccebee',
  '#9bd6dc',
  '#66c0c9',
  '#3aacb7',
  '#1f9aa6',
  '#138795',
  '#0b6e79',
  '#075c66',
  '#034952',
];

export const theme = createTheme({
  primaryColor: 'asah',
  primaryShade: 7,
  colors: { asah: teal },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  focusRing: 'always',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    FileInput: { defaultProps: { size: 'md' } },
  },
});

/** Mantine's default "dimmed" grey is below AA on white; this one reads at about 6:1. */
export const cssResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#545e69',
    '--mantine-color-placeholder': '#5f6b76',
    '--mantine-color-error': '#b02525',
  },
  dark: {},
});
