import { z } from 'zod';
import { LocalizedText } from './common';

export const CriteriaItemResponse = z.object({
  key: z.string(),
  label: LocalizedText,
  aspects: z.array(LocalizedText),
});

export const CriteriaTemplateResponse = z.object({
  key: z.string(),
  kind: z.enum(['selection', 'intermediate', 'ex_post']),
  title: LocalizedText,
  grades: z.array(z.string()).nullable(),
  source: z.string(),
  groups: z.array(z.object({ key: z.string(), label: LocalizedText, items: z.array(CriteriaItemResponse) })),
});
export type CriteriaTemplateResponse = z.infer<typeof CriteriaTemplateResponse>;

export const CriteriaTemplateList = z.object({ items: z.array(CriteriaTemplateResponse) });
