/** Fields of science and technology; the first four are the Second Basic Plan's priorities (2001). */

export const KEY_FIELDS = [
  { key: 'life_sciences', ja: 'ライフサイエンス', en: 'Life Sciences', isBasicPlanPriority: true },
  { key: 'it', ja: '情報通信', en: 'IT', isBasicPlanPriority: true },
  { key: 'environment', ja: '環境', en: 'Environment', isBasicPlanPriority: true },
  {
    key: 'nanotech_materials',
    ja: 'ナノテクノロジー・材料',
    en: 'Nanotech/Materials',
    isBasicPlanPriority: true,
  },
  { key: 'other', ja: 'その他', en: 'Other', isBasicPlanPriority: false },
] as const;

export type KeyFieldKey = (typeof KEY_FIELDS)[number]['key'];
export const KEY_FIELD_KEYS = KEY_FIELDS.map((f) => f.key) as [KeyFieldKey, ...KeyFieldKey[]];

/** Maps a field as written in reference data or imports ("Life Sciences", "ナノテク") to its key. */
export function findKeyField(name: string): KeyFieldKey | undefined {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/[\s_・/-]/g, '');
  for (const f of KEY_FIELDS) {
    const names = [f.key, f.ja, f.en].map((x) => x.toLowerCase().replace(/[\s_・/-]/g, ''));
    if (names.includes(n)) return f.key;
  }
  if (n.startsWith('nanotech') || n.startsWith('ナノテク')) return 'nanotech_materials';
  return undefined;
}
