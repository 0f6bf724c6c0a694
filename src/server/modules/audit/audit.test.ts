import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  addMember,
  addStaff,
  clusterBody,
  createCluster,
  createOrganization,
  createPerson,
  expectProblem,
  organizationBody,
  personBody,
  signInNew,
  snapshotCounts,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient, Response } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: number | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

async function headSeq(t: TestApp): Promise<number> {
  const result = await sql<{ seq: number | string }>`select seq from audit_head where id = 1`.execute(
    t.database.db,
  );
  return Number(result.rows[0]!.seq);
}

/** How many entries the request with this id wrote. */
async function countEntriesOfRequest(t: TestApp, requestId: string): Promise<number> {
  const result = await sql<{
    n: number | string;
  }>`select count(*) as n from audit_log where request_id = ${requestId}`.execute(t.database.db);
  return Number(result.rows[0]!.n);
}

describe.each(ENGINES)('the audit log on %s', (engine) => {
  let t: TestApp;
  let admin: HttpClient;
  let adminId: number;
  let officer: HttpClient;
  let officerId: number;
  let officerEmail: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    const a = await signInNew(t, 'administrator');
    const o = await signInNew(t, 'programme_officer');
    [admin, adminId, officer, officerId, officerEmail] = [a.client, a.id, o.client, o.id, o.email];
  });
  afterAll(async () => t?.close());

  /** Entries written after `afterSeq`, oldest first, read through the API. */
  async function entriesSince(afterSeq: number): Promise<AuditEntry[]> {
    const res = await admin.get('/api/v1/audit?limit=200');
    expect(res.status).toBe(200);
    return (res.body.items as AuditEntry[]).filter((e) => e.seq > afterSeq).reverse();
  }

  describe('every write', () => {
    interface WriteCase {
      what: string;
      write: () => Promise<{ res: Response; entityId: string | number }>;
      action: string;
      entityType: string;
      before: boolean;
      after: boolean;
      actor?: () => { id: number; label?: string };
    }

    const cases: WriteCase[] = [
      {
        what: 'POST /organizations',
        write: async () => {
          const res = await officer.post('/api/v1/organizations', organizationBody());
          return { res, entityId: res.body.id };
        },
        action: 'organization.create',
        entityType: 'organization',
        before: false,
        after: true,
      },
      {
        what: 'PATCH /organizations/:id',
        write: async () => {
          const org = await createOrganization(officer);
          const res = await officer.patch(`/api/v1/organizations/${org.id}`, {
            version: 1,
            name: { en: 'Renamed' },
          });
          return { res, entityId: org.id };
        },
        action: 'organization.update',
        entityType: 'organization',
        before: true,
        after: true,
      },
      {
        what: 'POST /people',
        write: async () => {
          const res = await officer.post('/api/v1/people', personBody());
          return { res, entityId: res.body.id };
        },
        action: 'person.create',
        entityType: 'person',
        before: false,
        after: true,
      },
      {
        what: 'PATCH /people/:id',
        write: async () => {
          const person = await createPerson(officer);
          const res = await officer.patch(`/api/v1/people/${person.id}`, {
            version: 1,
            title: { en: 'Dean' },
          });
          return { res, entityId: person.id };
        },
        action: 'person.update',
        entityType: 'person',
        before: true,
        after: true,
      },
      {
        what: 'POST /clusters',
        write: async () => {
          const res = await officer.post('/api/v1/clusters', clusterBody());
          return { res, entityId: res.body.id };
        },
        action: 'cluster.create',
        entityType: 'cluster',
        before: false,
        after: true,
      },
      {
        what: 'PATCH /clusters/:key',
        write: async () => {
          const cluster = await createCluster(officer);
          const res = await officer.patch(`/api/v1/clusters/${cluster.key}`, { version: 1, status: 'trial' });
          return { res, entityId: cluster.id };
        },
        action: 'cluster.update',
        entityType: 'cluster',
        before: true,
        after: true,
      },
      {
        what: 'POST /clusters/:key/members',
        write: async () => {
          const org = await createOrganization(officer);
          const res = await officer.post('/api/v1/clusters/nagoya/members', {
            organizationId: org.id,
            role: 'company',
            fromFy: 2003,
          });
          return { res, entityId: res.body.id };
        },
        action: 'cluster-member.add',
        entityType: 'cluster-member',
        before: false,
        after: true,
      },
      {
        what: 'PATCH /clusters/:key/members/:id',
        write: async () => {
          const member = await addMember(officer, 'nagoya', { fromFy: 2003 });
          const res = await officer.patch(`/api/v1/clusters/nagoya/members/${member.id}`, {
            version: 1,
            note: 'x',
          });
          return { res, entityId: member.id };
        },
        action: 'cluster-member.update',
        entityType: 'cluster-member',
        before: true,
        after: true,
      },
      {
        what: 'POST /clusters/:key/members/:id/withdraw',
        write: async () => {
          const member = await addMember(officer, 'nagoya', { fromFy: 2003 });
          const res = await officer.post(`/api/v1/clusters/nagoya/members/${member.id}/withdraw`, {
            version: 1,
          });
          return { res, entityId: member.id };
        },
        action: 'cluster-member.withdraw',
        entityType: 'cluster-member',
        before: true,
        after: true,
      },
      {
        what: 'POST /clusters/:key/staff',
        write: async () => {
          const person = await createPerson(officer);
          const res = await officer.post('/api/v1/clusters/nagoya/staff', {
            personId: person.id,
            role: 'researcher',
            fromFy: 2003,
          });
          return { res, entityId: res.body.id };
        },
        action: 'cluster-staff.add',
        entityType: 'cluster-staff',
        before: false,
        after: true,
      },
      {
        what: 'PATCH /clusters/:key/staff/:id',
        write: async () => {
          const staff = await addStaff(officer, 'nagoya', { fromFy: 2003 });
          const res = await officer.patch(`/api/v1/clusters/nagoya/staff/${staff.id}`, {
            version: 1,
            role: 'adviser',
          });
          return { res, entityId: staff.id };
        },
        action: 'cluster-staff.update',
        entityType: 'cluster-staff',
        before: true,
        after: true,
      },
      {
        what: 'POST /clusters/:key/staff/:id/withdraw',
        write: async () => {
          const staff = await addStaff(officer, 'nagoya', { fromFy: 2003 });
          const res = await officer.post(`/api/v1/clusters/nagoya/staff/${staff.id}/withdraw`, {
            version: 1,
          });
          return { res, entityId: staff.id };
        },
        action: 'cluster-staff.withdraw',
        entityType: 'cluster-staff',
        before: true,
        after: true,
      },
      {
        what: 'POST /accounts',
        write: async () => {
          const res = await admin.post('/api/v1/accounts', {
            email: `audited-${unique()}@example.jp`,
            displayName: 'Audited',
          });
          return { res, entityId: res.body.account.id };
        },
        action: 'account.create',
        entityType: 'account',
        before: false,
        after: true,
        actor: () => ({ id: adminId }),
      },
      {
        what: 'PATCH /accounts/:id',
        write: async () => {
          const created = await admin.post('/api/v1/accounts', {
            email: `audited-${unique()}@example.jp`,
            displayName: 'A',
          });
          const id = created.body.account.id;
          const res = await admin.patch(`/api/v1/accounts/${id}`, { version: 1, displayName: 'B' });
          return { res, entityId: id };
        },
        action: 'account.update',
        entityType: 'account',
        before: true,
        after: true,
        actor: () => ({ id: adminId }),
      },
      {
        what: 'POST /accounts/:id/grants',
        write: async () => {
          const created = await admin.post('/api/v1/accounts', {
            email: `audited-${unique()}@example.jp`,
            displayName: 'A',
          });
          const id = created.body.account.id;
          const res = await admin.post(`/api/v1/accounts/${id}/grants`, { role: 'evaluator' });
          return { res, entityId: id };
        },
        action: 'grant.add',
        entityType: 'account',
        before: false,
        after: true,
        actor: () => ({ id: adminId }),
      },
      {
        what: 'POST /accounts/:id/grants/:grantId/revoke',
        write: async () => {
          const created = await admin.post('/api/v1/accounts', {
            email: `audited-${unique()}@example.jp`,
            displayName: 'A',
            grants: [{ role: 'evaluator' }],
          });
          const { id, grants } = created.body.account;
          const res = await admin.post(`/api/v1/accounts/${id}/grants/${grants[0].id}/revoke`);
          return { res, entityId: id };
        },
        action: 'grant.revoke',
        entityType: 'account',
        before: true,
        after: true,
        actor: () => ({ id: adminId }),
      },
      {
        what: 'POST /accounts/:id/reset-password',
        write: async () => {
          const created = await admin.post('/api/v1/accounts', {
            email: `audited-${unique()}@example.jp`,
            displayName: 'A',
          });
          const id = created.body.account.id;
          const res = await admin.post(`/api/v1/accounts/${id}/reset-password`);
          return { res, entityId: id };
        },
        action: 'account.reset-password',
        entityType: 'account',
        before: false,
        after: false,
        actor: () => ({ id: adminId }),
      },
      {
        what: 'PATCH /auth/me',
        write: async () => {
          const res = await officer.patch('/api/v1/auth/me', { displayName: `Officer ${unique()}` });
          return { res, entityId: officerId };
        },
        action: 'account.update-self',
        entityType: 'account',
        before: true,
        after: true,
      },
    ];

    it.each(cases)('$what leaves one entry naming actor, action, entity, before and after', async (c) => {
      const { res, entityId } = await c.write();
      const seq = await headSeq(t);

      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      expect(await countEntriesOfRequest(t, String(res.headers['x-request-id']))).toBe(1);
      const [entry] = await entriesSince(seq - 1);
      const actor = c.actor?.() ?? { id: officerId, label: officerEmail };
      expect(entry).toMatchObject({
        seq,
        action: c.action,
        entityType: c.entityType,
        entityId: String(entityId),
        actor: { id: actor.id },
        requestId: res.headers['x-request-id'],
      });
      if (actor.label) expect(entry!.actor.label).toBe(actor.label);
      expect(entry!.before === null).toBe(!c.before);
      expect(entry!.after === null).toBe(!c.after);
      expect(Date.now() - new Date(entry!.at).getTime()).toBeLessThan(60_000);
      expect(entry!.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('records sign-in, password change and sign-out of the account itself', async () => {
      const seq = await headSeq(t);
      const account = await signInNew(t, 'evaluator');
      const newPassword = `another long password ${unique()}`;

      await account.client.post('/api/v1/auth/password', { currentPassword: account.password, newPassword });
      await account.client.post('/api/v1/auth/sign-out');

      const entries = (await entriesSince(seq)).filter((e) => e.entityId === String(account.id));
      expect(entries.map((e) => e.action)).toEqual([
        'account.create',
        'session.sign-in',
        'account.change-password',
        'session.sign-out',
      ]);
      expect(entries[0]!.actor).toEqual({ id: null, label: 'system:test' });
      expect(entries.slice(1).every((e) => e.actor.id === account.id)).toBe(true);
      expect(JSON.stringify(entries)).not.toContain(newPassword);
      expect(JSON.stringify(entries)).not.toContain(account.password);
    });
  });

  describe('a failed write', () => {
    // Each case arranges what the request needs, then returns the failing request itself.
    it.each<[string, () => Promise<() => Promise<Response>>, number]>([
      [
        'a duplicate cluster key',
        async () => () => officer.post('/api/v1/clusters', clusterBody({ key: 'kyoto' })),
        409,
      ],
      [
        'an account whose second grant names an unknown cluster',
        async () => () =>
          admin.post('/api/v1/accounts', {
            email: `partial-${unique()}@example.jp`,
            displayName: 'Partial',
            grants: [{ role: 'evaluator' }, { role: 'cluster_headquarters', clusterKey: 'atlantis' }],
          }),
        422,
      ],
      [
        'a member update breaking the period rule',
        async () => {
          const member = await addMember(officer, 'nagoya', { fromFy: 2003, toFy: 2005 });
          return () =>
            officer.patch(`/api/v1/clusters/nagoya/members/${member.id}`, { version: 1, fromFy: 2007 });
        },
        400,
      ],
      [
        'a cluster edit by an evaluator',
        async () => {
          const { client } = await signInNew(t, 'evaluator');
          return () => client.patch('/api/v1/clusters/kyoto', { version: 1, name: { en: 'x' } });
        },
        403,
      ],
      [
        'a stale cluster edit',
        async () => () => officer.patch('/api/v1/clusters/kyoto', { version: 99, name: { en: 'x' } }),
        409,
      ],
      [
        'a withdrawal of an unknown member',
        async () => () => officer.post('/api/v1/clusters/kyoto/members/987654/withdraw', { version: 1 }),
        404,
      ],
      [
        'an organization in prefecture 00',
        async () => () => officer.post('/api/v1/organizations', organizationBody({ prefectureCode: '00' })),
        400,
      ],
    ])('(%s) leaves no audit entry and no partial rows', async (_label, arrange, status) => {
      const act = await arrange();
      const before = await snapshotCounts(t);
      const seq = await headSeq(t);

      const res = await act();

      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(await headSeq(t)).toBe(seq);
      expect(await snapshotCounts(t)).toEqual(before);
    });
  });

  describe('GET /api/v1/audit', () => {
    it('lists entries newest first with the total, limit and offset', async () => {
      const res = await admin.get('/api/v1/audit?limit=3');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ limit: 3, offset: 0, total: await headSeq(t) });
      const seqs = res.body.items.map((e: AuditEntry) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(seqs[0]).toBe(await headSeq(t));
    });

    it('includes the reference data load, made by the system', async () => {
      const res = await admin.get('/api/v1/audit?entityType=programme');

      expect(res.body.items).toEqual([
        expect.objectContaining({
          action: 'reference-data.load',
          actor: { id: null, label: 'system:bootstrap' },
        }),
      ]);
    });

    it('filters by entity type and entity id', async () => {
      const org = await createOrganization(officer);
      await officer.patch(`/api/v1/organizations/${org.id}`, { version: 1, name: { en: 'Filtered' } });

      const res = await admin.get(`/api/v1/audit?entityType=organization&entityId=${org.id}`);

      expect(res.body.total).toBe(2);
      expect(res.body.items.map((e: AuditEntry) => e.action)).toEqual([
        'organization.update',
        'organization.create',
      ]);
      expect(res.body.items[0].before).toMatchObject({ nameEn: org.name.en });
      expect(res.body.items[0].after).toMatchObject({ nameEn: 'Filtered' });
    });

    it('filters by actor', async () => {
      const actor = await signInNew(t, 'programme_officer');
      await createOrganization(actor.client);
      await createPerson(actor.client);

      const res = await admin.get(`/api/v1/audit?actorId=${actor.id}`);

      expect(res.body.items.map((e: AuditEntry) => e.action)).toEqual([
        'person.create',
        'organization.create',
        'session.sign-in',
      ]);
      expect(res.body.items.every((e: AuditEntry) => e.actor.id === actor.id)).toBe(true);
    });

    it('answers 403 to a programme officer and 401 to the public', async () => {
      expectProblem(await officer.get('/api/v1/audit'), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().get('/api/v1/audit'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('simultaneous writes', () => {
    it('append to one unbroken chain with consecutive sequence numbers', async () => {
      const seq = await headSeq(t);

      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i % 2 === 0
            ? officer.post('/api/v1/organizations', organizationBody())
            : officer.post('/api/v1/people', personBody()),
        ),
      );

      expect(answers.map((r) => r.status)).toEqual(Array(12).fill(201));
      const entries = await entriesSince(seq);
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => seq + 1 + i));
      expect(new Set(entries.map((e) => e.requestId)).size).toBe(12);
      expect((await admin.get('/api/v1/audit/verify')).body.ok).toBe(true);
    });
  });

  // These run last: they break the chain on purpose.
  describe('GET /api/v1/audit/verify', () => {
    it('finds the whole chain intact', async () => {
      const res = await admin.get('/api/v1/audit/verify');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, checked: await headSeq(t), firstBadSeq: null, reason: null });
    });

    it('finds entry 3 altered after an UPDATE behind the application’s back, and intact again once restored', async () => {
      const original = await sql<{
        after_json: string | null;
      }>`select after_json from audit_log where seq = 3`.execute(t.database.db);
      await sql`UPDATE audit_log SET after_json = '{"x":1}' WHERE seq = 3`.execute(t.database.db);

      const tampered = await admin.get('/api/v1/audit/verify');

      expect(tampered.status).toBe(200);
      expect(tampered.body).toMatchObject({ ok: false, firstBadSeq: 3, checked: 2 });
      expect(tampered.body.reason).toEqual(expect.any(String));

      await sql`UPDATE audit_log SET after_json = ${original.rows[0]!.after_json} WHERE seq = 3`.execute(
        t.database.db,
      );
      expect((await admin.get('/api/v1/audit/verify')).body.ok).toBe(true);
    });

    it('finds a deleted last entry', async () => {
      const last = await headSeq(t);
      await sql`DELETE FROM audit_log WHERE seq = ${last}`.execute(t.database.db);

      const res = await admin.get('/api/v1/audit/verify');

      expect(res.body).toMatchObject({ ok: false, firstBadSeq: last });
    });

    it('finds a deleted entry in the middle', async () => {
      await sql`DELETE FROM audit_log WHERE seq = 10`.execute(t.database.db);

      const res = await admin.get('/api/v1/audit/verify');

      expect(res.body).toMatchObject({ ok: false, firstBadSeq: 10 });
    });
  });
});
