import type { BudgetKind } from '../../domain/budget';

/** One colour per key field, used by every chart and badge so a field looks the same everywhere. */
const KEY_FIELD_COLORS: Record<string, string> = {
  life_sciences: '#2b7a4b',
  it: '#1f5fa6',
  environment: '#1f7a74',
  nanotech_materials: '#7a4f9a',
  other: '#6b7079',
};

export const PRIMARY_CHART_COLOR = '#1b4f8a';

export function keyFieldColor(key: string): string {
  return KEY_FIELD_COLORS[key] ?? '#6b7079';
}

/** One colour per kind of money, the same in every budget chart and legend (budgets, self-evaluation). */
export const BUDGET_KIND_COLORS: Record<BudgetKind, string> = {
  mext_subsidy: '#1b4f8a',
  local_government: '#2b7a4b',
  meti: '#b86e00',
  other: '#6b7079',
  follow_on: '#7a4f9a',
};
