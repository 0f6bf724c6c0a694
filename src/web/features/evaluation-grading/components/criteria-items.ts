/** The round's criterion items in order, numbered and grouped under their criterion group. */
import type { LocalizedText } from '../../../../contracts/common';

export interface NumberedItem<T> {
  item: T;
  /** 1-based position in the round's order: the same number in every table, chart and form. */
  number: number;
}

export interface ItemGroup<T> {
  label: LocalizedText;
  items: NumberedItem<T>[];
}

/** Consecutive items of the same group form one group (the API lists them in the tree's order). */
export function groupItems<T extends { group: LocalizedText }>(items: readonly T[]): ItemGroup<T>[] {
  const groups: ItemGroup<T>[] = [];
  items.forEach((item, i) => {
    const last = groups[groups.length - 1];
    const same = last && last.label.ja === item.group.ja && last.label.en === item.group.en;
    const entry = { item, number: i + 1 };
    if (same) last.items.push(entry);
    else groups.push({ label: item.group, items: [entry] });
  });
  return groups;
}
