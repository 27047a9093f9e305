import {
  Combobox,
  convertCssVariables,
  createTheme,
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  Modal,
  mergeMantineTheme,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Locking the page scroll injects an inline <style>, which the CSP refuses (see below).
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
    // Mantine keeps every closed select's options in the page (hidden): a thousand people in the
    // map's "Place a person" meant a thousand hidden options rendered with the map, and each
    // mounted dropdown forced a layout to position itself. Options render when a list opens.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
  },
});

/**
 * The server's Content-Security-Policy allows no inline <style> elements, which is where Mantine
 * puts the theme's CSS variables. They go into a constructed style sheet instead (CSSOM, which
 * CSP does not govern), so the strict policy holds and the theme still applies.
 */
export function adoptThemeVariables(): void {
  const merged = mergeMantineTheme(DEFAULT_THEME, theme);
  const css = convertCssVariables(defaultCssVariablesResolver(merged), ':root');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
