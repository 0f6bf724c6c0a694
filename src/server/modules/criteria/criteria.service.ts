/** Criteria templates as trees of groups and items, ready for selection calls and evaluation rounds. */
import type { CriteriaTemplateResponse } from '../../../contracts/criteria';
import type { LocalizedText } from '../../../contracts/common';
import type { ServiceContext } from '../../context';
import { notFound } from '../../http/app-error';
import type { CriteriaItemRow, CriteriaTemplateRow } from './criteria.table';
import { listCriteriaItems, listCriteriaTemplates } from './criteria.repo';

function toTree(template: CriteriaTemplateRow, items: CriteriaItemRow[]): CriteriaTemplateResponse {
  const own = items.filter((i) => i.template_id === template.id);
  return {
    key: template.key,
    kind: template.kind as CriteriaTemplateResponse['kind'],
    title: { ja: template.title_ja, en: template.title_en },
    grades: template.grades_json ? (JSON.parse(template.grades_json) as string[]) : null,
    source: template.source,
    groups: own
      .filter((g) => g.parent_key === null)
      .map((g) => ({
        key: g.key,
        label: { ja: g.label_ja, en: g.label_en },
        items: own
          .filter((i) => i.parent_key === g.key)
          .map((i) => ({
            key: i.key,
            label: { ja: i.label_ja, en: i.label_en },
            aspects: i.aspects_json ? (JSON.parse(i.aspects_json) as LocalizedText[]) : [],
          })),
      })),
  };
}

/** All criteria templates (public: the criteria of a public programme are public). */
export async function listTemplates(ctx: ServiceContext): Promise<CriteriaTemplateResponse[]> {
  const templates = await listCriteriaTemplates(ctx.db);
  const items = await listCriteriaItems(
    ctx.db,
    templates.map((t) => t.id),
  );
  return templates.map((t) => toTree(t, items));
}

export async function getTemplate(ctx: ServiceContext, key: string): Promise<CriteriaTemplateResponse> {
  const template = (await listTemplates(ctx)).find((t) => t.key === key);
  if (!template) throw notFound('criteria template', key);
  return template;
}
