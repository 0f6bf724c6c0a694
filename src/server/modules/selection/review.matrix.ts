/**
 * The review slice's rows of the permission matrix: officers run the pool, conflicts, assignments,
 * reveal and consensus; the evaluator works on their own assignments; everyone else is refused.
 * Rows whose success consumes something (an assignment to declare on, a review to submit) build a
 * fresh one per asking officer or evaluator, so every role's answer is about permission alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '../../../domain/permissions';
import type { Database } from '../../db/schema';
import { createAccount } from '../../../../test/support/factories';
import {
  type Fixtures,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
  type Who,
} from '../../../../test/support/permission-matrix';
import { CRITERION_KEYS, insertCall, insertProposal } from '../../../../test/support/selection';

interface ReviewFixtures {
  key: string;
  callId: number;
  proposalId: number;
  evaluatorId: number;
  assignmentId: number;
  attachmentId: number;
}

const REVIEWER: Role[] = ['evaluator'];
const FULL = Object.fromEntries(CRITERION_KEYS.map((k) => [k, 3]));

function fx(f: Fixtures): ReviewFixtures {
  return f.parts.get('review') as ReviewFixtures;
}

const succeeds = (who: Who, roles: readonly Who[]) => roles.includes(who);

/** A fresh submitted proposal with the evaluator assigned (declared when asked), straight in the DB. */
async function freshAssignment(f: Fixtures, declared: boolean): Promise<number> {
  const r = fx(f);
  const db = f.t.database.db;
  const p = await insertProposal(db, r.callId, f.proposerOrganizationId);
  const at = new Date().toISOString();
  const row = await db
    .insertInto('review_assignments')
    .values({
      call_id: r.callId,
      proposal_id: p.id,
      reviewer_account_id: r.evaluatorId,
      method: 'manual',
      assigned_by: null,
      assigned_at: at,
      declared_at: declared ? at : null,
      removed_at: null,
      removed_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function evaluatorIdOf(db: Kysely<Database>, email: string): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

export const REVIEW_MATRIX: MatrixPart = {
  name: 'review',
  async setup(f) {
    const db = f.t.database.db;
    const call = await insertCall(db, { status: 'review', reviewerCap: 1000 });
    const proposal = await insertProposal(db, call.id, f.proposerOrganizationId);
    const evaluatorId = await evaluatorIdOf(db, f.credentials.get('evaluator')!.email);
    const officer = officerOf(f);
    const added = await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: evaluatorId });
    if (added.status !== 201) throw new Error(`pool: ${added.status} ${JSON.stringify(added.body)}`);
    const assigned = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: proposal.id,
      reviewerAccountId: evaluatorId,
    });
    if (assigned.status !== 201)
      throw new Error(`assign: ${assigned.status} ${JSON.stringify(assigned.body)}`);
    const assignmentId = (assigned.body as { assignments: { id: number }[] }).assignments[0]!.id;
    await db
      .updateTable('review_assignments')
      .set({ declared_at: new Date().toISOString() })
      .where('id', '=', assignmentId)
      .execute();
    const storageKey = `matrix/${proposal.id}.pdf`;
    fs.mkdirSync(path.join(f.t.dataDir, 'matrix'), { recursive: true });
    fs.writeFileSync(path.join(f.t.dataDir, storageKey), '%PDF-1.4');
    const attachment = await db
      .insertInto('attachments')
      .values({
        owner_type: 'proposal',
        owner_id: proposal.id,
        document_key: 'plan',
        file_name: 'plan.pdf',
        media_type: 'application/pdf',
        size_bytes: 8,
        sha256: '0'.repeat(64),
        storage_key: storageKey,
        uploaded_by: null,
        uploaded_at: new Date().toISOString(),
        removed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    f.parts.set('review', {
      key: call.key,
      callId: call.id,
      proposalId: proposal.id,
      evaluatorId,
      assignmentId,
      attachmentId: attachment.id,
    } satisfies ReviewFixtures);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/calls/:key/reviewers',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/reviewers`),
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key/reviewers/candidates',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/reviewers/candidates`),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/reviewers',
      serial: true,
      expect: only(OFFICE, 201),
      send: ({ client, f }) =>
        client.post(`/api/v1/calls/${fx(f).key}/reviewers`, { accountId: fx(f).evaluatorId, maxLoad: null }),
    },
    {
      method: 'DELETE',
      route: '/api/v1/calls/:key/reviewers/:accountId',
      serial: true,
      expect: only(OFFICE, 200),
      send: async ({ who, client, f }) => {
        let id = fx(f).evaluatorId;
        if (succeeds(who, OFFICE)) {
          id = (await createAccount(f.t, 'evaluator')).id;
          await officerOf(f).post(`/api/v1/calls/${fx(f).key}/reviewers`, { accountId: id });
        }
        return client.request('DELETE', `/api/v1/calls/${fx(f).key}/reviewers/${id}`);
      },
    },
    {
      method: 'GET',
      route: '/api/v1/reviewers/:accountId/profile',
      expect: only([...OFFICE, 'evaluator'], 200),
      send: ({ client, f }) => client.get(`/api/v1/reviewers/${fx(f).evaluatorId}/profile`),
    },
    {
      method: 'PUT',
      route: '/api/v1/reviewers/:accountId/profile',
      serial: true,
      expect: only([...OFFICE, 'evaluator'], 200),
      send: ({ client, f }) =>
        client.request('PUT', `/api/v1/reviewers/${fx(f).evaluatorId}/profile`, {
          keyFields: ['it'],
          collaboratorOrganizationIds: [],
          prefectureCode: null,
        }),
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key/conflicts',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/conflicts`),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/conflicts/detect',
      serial: true,
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.post(`/api/v1/calls/${fx(f).key}/conflicts/detect`),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/conflicts/:id/ruling',
      serial: true,
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        // A fresh declared conflict of a fresh reviewer, so each ruling is a real change.
        const reviewer = (await createAccount(f.t, 'evaluator')).id;
        const row = await f.t.database.db
          .insertInto('conflicts')
          .values({
            call_id: fx(f).callId,
            proposal_id: fx(f).proposalId,
            reviewer_account_id: reviewer,
            kind: 'personal',
            origin: 'declared',
            detail: 'matrix',
            status: 'pending',
            created_at: new Date().toISOString(),
            ruled_by: null,
            ruled_at: null,
            ruling_note: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return client.post(`/api/v1/calls/${fx(f).key}/conflicts/${row.id}/ruling`, {
          status: 'dismissed',
          note: 'No stake',
        });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key/assignments',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/assignments`),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/assignments',
      serial: true,
      expect: only(OFFICE, 201),
      send: async ({ client, f }) => {
        const p = await insertProposal(f.t.database.db, fx(f).callId, f.proposerOrganizationId);
        return client.post(`/api/v1/calls/${fx(f).key}/assignments`, {
          proposalId: p.id,
          reviewerAccountId: fx(f).evaluatorId,
        });
      },
    },
    {
      method: 'DELETE',
      route: '/api/v1/calls/:key/assignments/:id',
      serial: true,
      expect: only(OFFICE, 200),
      send: async ({ client, f }) =>
        client.request('DELETE', `/api/v1/calls/${fx(f).key}/assignments/${await freshAssignment(f, false)}`),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/assignments/auto',
      expect: only(OFFICE, 200),
      send: ({ client, f }) =>
        client.post(`/api/v1/calls/${fx(f).key}/assignments/auto`, {
          perProposal: 1,
          cap: null,
          seed: 1,
          commit: false,
        }),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/reveal',
      serial: true,
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.post(`/api/v1/calls/${fx(f).key}/reveal`),
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key/consensus',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/consensus`),
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key/consensus/:proposalId',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/consensus/${fx(f).proposalId}`),
    },
    {
      method: 'PUT',
      route: '/api/v1/calls/:key/consensus/:proposalId/:criterion',
      serial: true,
      expect: only(OFFICE, 200),
      send: ({ client, f }) =>
        client.request('PUT', `/api/v1/calls/${fx(f).key}/consensus/${fx(f).proposalId}/basic.focus`, {
          score: 3,
          comment: 'Agreed',
        }),
    },
    {
      method: 'DELETE',
      route: '/api/v1/calls/:key/consensus/:proposalId/:criterion',
      serial: true,
      expect: only(OFFICE, 200),
      send: async ({ who, client, f }) => {
        if (succeeds(who, OFFICE))
          await officerOf(f).request(
            'PUT',
            `/api/v1/calls/${fx(f).key}/consensus/${fx(f).proposalId}/regional.vision`,
            {
              score: 4,
            },
          );
        return client.request(
          'DELETE',
          `/api/v1/calls/${fx(f).key}/consensus/${fx(f).proposalId}/regional.vision`,
        );
      },
    },
    {
      method: 'GET',
      route: '/api/v1/reviews/assignments',
      expect: only(REVIEWER, 200),
      send: get('/api/v1/reviews/assignments'),
    },
    {
      method: 'GET',
      route: '/api/v1/reviews/reminders',
      expect: only(REVIEWER, 200),
      send: get('/api/v1/reviews/reminders'),
    },
    {
      method: 'POST',
      route: '/api/v1/reviews/assignments/:id/declare',
      serial: true,
      expect: only(REVIEWER, 200),
      send: async ({ who, client, f }) => {
        const id = succeeds(who, REVIEWER) ? await freshAssignment(f, false) : fx(f).assignmentId;
        return client.post(`/api/v1/reviews/assignments/${id}/declare`, { conflict: false });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/reviews/assignments/:id/proposal',
      expect: only(REVIEWER, 200),
      send: ({ client, f }) => client.get(`/api/v1/reviews/assignments/${fx(f).assignmentId}/proposal`),
    },
    {
      method: 'GET',
      route: '/api/v1/reviews/assignments/:id/attachments/:attachmentId',
      expect: only(REVIEWER, 200),
      send: ({ client, f }) =>
        client.get(`/api/v1/reviews/assignments/${fx(f).assignmentId}/attachments/${fx(f).attachmentId}`),
    },
    {
      method: 'GET',
      route: '/api/v1/reviews/assignments/:id/review',
      expect: only(REVIEWER, 200),
      send: ({ client, f }) => client.get(`/api/v1/reviews/assignments/${fx(f).assignmentId}/review`),
    },
    {
      method: 'PUT',
      route: '/api/v1/reviews/assignments/:id/review',
      serial: true,
      expect: only(REVIEWER, 200),
      send: ({ client, f }) =>
        client.request('PUT', `/api/v1/reviews/assignments/${fx(f).assignmentId}/review`, {
          scores: { 'basic.focus': 3 },
        }),
    },
    {
      method: 'POST',
      route: '/api/v1/reviews/assignments/:id/submit',
      serial: true,
      expect: only(REVIEWER, 200),
      send: async ({ who, client, f }) => {
        const id = succeeds(who, REVIEWER) ? await freshAssignment(f, true) : fx(f).assignmentId;
        return client.post(`/api/v1/reviews/assignments/${id}/submit`, { scores: FULL });
      },
    },
  ],
};
