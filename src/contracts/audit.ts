import { z } from 'zod';
import { IdQuery, PageQuery, pageOf } from './common';

export const AuditEntryResponse = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.number().int().nullable(), label: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryResponse = z.infer<typeof AuditEntryResponse>;

export const AuditPage = pageOf(AuditEntryResponse);
export const AuditListQuery = PageQuery.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: IdQuery.optional(),
});

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
