/** The round's criterion items in tree order, with their group, as every page of this feature lists them. */
import type { LocalizedText } from '../../../../contracts/common';
import type { RoundCriteria, RoundItem } from '../../../../contracts/evaluation-rounds';

export interface CriterionItemRef {
  groupKey: string;
  groupLabel: LocalizedText;
  item: RoundItem;
}

export function criterionItems(criteria: RoundCriteria): CriterionItemRef[] {
  return criteria.flatMap((group) =>
    group.items.map((item) => ({ groupKey: group.key, groupLabel: group.label, item })),
  );
}

/** Narratives or minutes as the server keeps them: blank entries dropped. */
export function withoutBlanks(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
}

/** Whether two sets of narratives say the same (a blank entry counts as none, as on the server). */
export function sameTexts(a: Record<string, string>, b: Record<string, string>): boolean {
  const left = withoutBlanks(a);
  const right = withoutBlanks(b);
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((k) => left[k] === right[k]);
}

/** The element id of an item's narrative, for links from the list of missing items. */
export function narrativeDomId(itemKey: string): string {
  return `narrative-${itemKey.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
