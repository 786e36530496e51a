// The look: a deep rice-field green with the gold of the OCOP star, Be Vietnam-friendly system fonts.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const ocop: MantineColorsTuple = ['#e8f7f0', '#d2ede1', '#a3d9c1', '#70c49f', '#47b282', '#2ea670', '#1f9e66', '#108a56', '#0b6e4f', '#005c3f'];
const gold: MantineColorsTuple = ['#fff8e1', '#ffefcc', '#ffdd9b', '#ffca64', '#ffba38', '#ffb01b', '#ffab09', '#e39500', '#b07200', '#8a5a00'];

export const theme = createTheme({
  primaryColor: 'ocop',
  primaryShade: 8,
  colors: { ocop, gold },
  fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'always',
  // Modals, menus and collapses open at once for whoever asks their device for less motion (styles.css: the CSS).
  respectReducedMotion: true,
  components: {
    Anchor: { defaultProps: { c: 'ocop.9' } },
  },
});
