/**
 * Props for a Table.ScrollContainer's scrolling viewport so a keyboard can reach and scroll it
 * (axe: scrollable-region-focusable) when the table holds nothing focusable itself, e.g. on a
 * phone where the table is wider than the screen. With a label the viewport is a named region.
 */
export function scrollRegion(label?: string) {
  return {
    viewportProps: label ? { tabIndex: 0, role: 'region', 'aria-label': label } : { tabIndex: 0 },
  };
}
