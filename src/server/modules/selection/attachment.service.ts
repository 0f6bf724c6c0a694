/**
 * Attachments of a proposal: the proposer uploads them per required document while the draft may
 * change, the proposer and officers download them, and the proposer removes them (softly) while
 * draft. Reviewers download through the review routes (review.service.ts), which check assignment
 * and conflicts themselves. Storing, locating and removing work for any owner of the generic
 * `attachments` table, so self-evaluations (evaluation module) keep their files the same way.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { ProposalAttachment } from '../../../contracts/selection-proposals';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId } from '../auth/authorize';
import { parseCallJson } from './call.presenter';
import { toAttachment } from './proposal.presenter';
import { findActiveAttachment } from './proposal.repo';
import { type LoadedProposal, loadProposal, requireChangeable } from './proposal.service';
import { attachmentPath, storeAttachmentFile } from './attachment.storage';
import type { AttachmentRow } from './selection.table';

/** Checks the uploader may attach `documentKey` to the proposal now, before a byte is read. */
export async function prepareAttachmentUpload(
  ctx: ServiceContext,
  proposalId: number,
  documentKey: string | undefined,
): Promise<LoadedProposal> {
  const loaded = await loadProposal(ctx, proposalId, 'edit');
  requireChangeable(ctx, loaded, 'given attachments');
  const documents = parseCallJson(loaded.call).requiredDocuments;
  if (!documentKey || !documents.some((d) => d.key === documentKey))
    throw new AppError(
      'VALIDATION_FAILED',
      `documentKey must be one of the call's documents: ${documents.map((d) => d.key).join(', ')}`,
      {
        errors: [
          {
            field: 'documentKey',
            message: documentKey
              ? `the call asks for no document ${documentKey}`
              : 'required before the file',
          },
        ],
      },
    );
  return loaded;
}

/**
 * Stores an upload as an attachment of any owner (a proposal, a self-evaluation) in the generic
 * `attachments` table, audited; if the row cannot be written the stored bytes are removed again.
 */
export async function storeOwnedAttachment(
  ctx: ServiceContext,
  owner: { type: string; id: number; documentKey: string | null },
  upload: { fileName: string; stream: Readable; isTruncated: () => boolean },
  options: { dataDir: string; maxBytes: number },
): Promise<AttachmentRow> {
  const stored = await storeAttachmentFile(
    options.dataDir,
    upload.fileName,
    upload.stream,
    upload.isTruncated,
    options.maxBytes,
  );
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('attachments')
        .values({
          owner_type: owner.type,
          owner_id: owner.id,
          document_key: owner.documentKey,
          file_name: upload.fileName.slice(0, 255),
          media_type: stored.mediaType,
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          storage_key: stored.storageKey,
          uploaded_by: actorAccountId(ctx.actor),
          uploaded_at: ctx.now().toISOString(),
          removed_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(ctx, trx, {
        action: 'attachment.upload',
        entityType: 'attachment',
        entityId: inserted.id,
        after: inserted,
      });
      return inserted;
    });
  } catch (error) {
    await fs.promises.rm(`${options.dataDir}/${stored.storageKey}`, { force: true });
    throw error;
  }
}

export async function uploadAttachment(
  ctx: ServiceContext,
  loaded: LoadedProposal,
  upload: { documentKey: string; fileName: string; stream: Readable; isTruncated: () => boolean },
  options: { dataDir: string; maxBytes: number },
): Promise<ProposalAttachment> {
  const row = await storeOwnedAttachment(
    ctx,
    { type: 'proposal', id: loaded.proposal.id, documentKey: upload.documentKey },
    upload,
    options,
  );
  return toAttachment(row);
}

export interface LocatedAttachment {
  file: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/** The attachment's file for the proposer or an officer; 404 when missing or not theirs. */
export async function locateProposalAttachment(
  ctx: ServiceContext,
  proposalId: number,
  attachmentId: number,
  dataDir: string,
): Promise<LocatedAttachment> {
  await loadProposal(ctx, proposalId, 'read');
  return locateAttachmentFile(
    await findActiveAttachment(ctx.db, proposalId, attachmentId),
    attachmentId,
    dataDir,
  );
}

/** The stored file of an attachment row the caller may read; 404 when the row or its bytes are missing. */
export function locateAttachmentFile(
  a: AttachmentRow | undefined,
  attachmentId: number,
  dataDir: string,
): LocatedAttachment {
  const file = a ? attachmentPath(dataDir, a.storage_key) : null;
  if (!a || !file) throw notFound('attachment', attachmentId);
  return { file, fileName: a.file_name, mediaType: a.media_type, sizeBytes: Number(a.size_bytes) };
}

/** Soft removal (removed_at) while the proposal is a changeable draft; the bytes stay for the record. */
export async function removeAttachment(
  ctx: ServiceContext,
  proposalId: number,
  attachmentId: number,
): Promise<void> {
  const loaded = await loadProposal(ctx, proposalId, 'edit');
  requireChangeable(ctx, loaded, 'changed');
  const a = await findActiveAttachment(ctx.db, proposalId, attachmentId);
  if (!a) throw notFound('attachment', attachmentId);
  await softRemoveAttachment(ctx, a);
}

/** Marks an attachment removed (removed_at), audited; the bytes stay for the record. */
export async function softRemoveAttachment(ctx: ServiceContext, a: AttachmentRow): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    await trx.updateTable('attachments').set({ removed_at: at }).where('id', '=', a.id).execute();
    await audit(ctx, trx, {
      action: 'attachment.remove',
      entityType: 'attachment',
      entityId: a.id,
      before: a,
      after: { ...a, removed_at: at },
    });
  });
}
