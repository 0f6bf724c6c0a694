import { describe, expect, it } from 'vitest';
import { groupNavItems } from './header-nav';
import { NAV_ITEMS } from './navigation';

describe('groupNavItems', () => {
  it('keeps every item exactly once, in order within its group', () => {
    const { topLevel, sections } = groupNavItems(NAV_ITEMS);
    const grouped = [...topLevel, ...sections.flatMap((s) => s.items)];
    expect(grouped).toHaveLength(NAV_ITEMS.length);
    expect(new Set(grouped.map((i) => i.to))).toEqual(new Set(NAV_ITEMS.map((i) => i.to)));
    for (const { items } of sections)
      expect(items.map((i) => NAV_ITEMS.indexOf(i))).toEqual(
        [...items.map((i) => NAV_ITEMS.indexOf(i))].sort((a, b) => a - b),
      );
  });

  it('keeps the header short enough for one row: at most nine top-level entries', () => {
    const { topLevel, sections } = groupNavItems(NAV_ITEMS);
    expect(topLevel.length + sections.length).toBeLessThanOrEqual(9);
    expect(sections.map((s) => s.section)).toEqual(['evaluation', 'business', 'administration']);
  });

  it('drops a section whose items the reader may not see', () => {
    const publicItems = NAV_ITEMS.filter((i) => !i.permission && !i.anyPermission);
    const { sections } = groupNavItems(publicItems);
    expect(sections.map((s) => s.section)).toEqual(['evaluation', 'business']);
    expect(groupNavItems([]).sections).toEqual([]);
  });
});
