import type { Db } from '../../context';
import type { CriteriaItemRow, CriteriaTemplateRow } from './criteria.table';

export async function listCriteriaTemplates(db: Db): Promise<CriteriaTemplateRow[]> {
  return db.selectFrom('criteria_templates').selectAll().orderBy('id').execute();
}

export async function listCriteriaItems(db: Db, templateIds: number[]): Promise<CriteriaItemRow[]> {
  if (templateIds.length === 0) return [];
  return db
    .selectFrom('criteria_items')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .orderBy('sort_order')
    .execute();
}
