/**
 * The METI Industrial Cluster cooperation's rows of the permission matrix (projects, METI funds,
 * committees, meetings, events and registrations) and the duplication check's (funding).
 * Everyone reads projects, committees and events; administrators, programme officers and
 * coordinators manage them; only officers record METI funds and read or review funding
 * duplicates; anyone signed in registers for an event and cancels their own registration.
 */
import { sql } from 'kysely';
import type { Role } from '../../../domain/permissions';
import { createOrganization, unique } from '../../../../test/support/factories';
import type { HttpClient, Response } from '../../../../test/support/http-client';
import {
  everyone,
  type Fixtures,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
  signedIn,
} from '../../../../test/support/permission-matrix';

const MANAGE: Role[] = ['administrator', 'programme_officer', 'coordinator'];
const BASE = '/api/v1/industrial-cluster';

interface Part {
  projectKey: string;
  committeeId: number;
  eventId: number;
}

function fx(f: Fixtures): Part {
  return f.parts.get('industrial-cluster') as Part;
}

function created(res: Response, what: string): { id: number; key?: string; version: number } {
  if (res.status !== 201)
    throw new Error(`matrix ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: number; key?: string; version: number };
}

function projectBody() {
  const n = unique();
  return {
    key: `matrix-ic-${n}`,
    name: { ja: `産業クラスター${n}`, en: `Industrial Cluster ${n}` },
    bureau: 'kinki',
    startFy: 2001,
    source: 'permission matrix',
  };
}

function eventBody(capacity: number | null = null) {
  return {
    kind: 'cluster_forum',
    title: { ja: 'クラスターフォーラム', en: 'Cluster Forum' },
    startsOn: '2099-03-01',
    place: '大阪',
    capacity,
  };
}

async function projectVersion(f: Fixtures): Promise<number> {
  const result = await sql<{ version: number }>`select version from industrial_cluster_projects
    where key = ${fx(f).projectKey}`.execute(f.t.database.db);
  return Number(result.rows[0]!.version);
}

async function freshMeeting(f: Fixtures): Promise<number> {
  const res = await officerOf(f).post(`${BASE}/committees/${fx(f).committeeId}/meetings`, {
    heldOn: '2004-10-20',
    place: '近畿経済産業局',
  });
  return created(res, 'meeting').id;
}

async function freshEvent(f: Fixtures): Promise<number> {
  return created(await officerOf(f).post('/api/v1/events', eventBody()), 'event').id;
}

/** A fresh pair of funded projects flagged for the same researcher. */
async function freshFlag(f: Fixtures): Promise<{ aId: number; bId: number }> {
  const name = `Matrix Researcher ${unique()}`;
  const ids: number[] = [];
  for (const programme of ['mext_knowledge_cluster', 'jst'])
    ids.push(
      created(
        await officerOf(f).post('/api/v1/funding/projects', {
          programme,
          fiscalYear: 2030,
          theme: { ja: '', en: `Theme ${unique()}` },
          researcherName: name,
          amountYen: 1000,
          source: 'permission matrix',
        }),
        'funded project',
      ).id,
    );
  return { aId: ids[0]!, bId: ids[1]! };
}

async function cancelOwn(client: HttpClient, f: Fixtures, anonymous: boolean): Promise<Response> {
  const eventId = await freshEvent(f);
  const registrant = anonymous ? officerOf(f) : client;
  const registration = created(
    await registrant.post(`/api/v1/events/${eventId}/registrations`, {}),
    'registration',
  );
  return client.post(`/api/v1/events/${eventId}/registrations/${registration.id}/cancel`);
}

export const INDUSTRIAL_CLUSTER_MATRIX: MatrixPart = {
  name: 'industrial-cluster',
  async setup(f) {
    const officer = officerOf(f);
    const project = created(await officer.post(`${BASE}/projects`, projectBody()), 'project');
    await officer.put(`${BASE}/projects/${project.key}/clusters`, { clusterKeys: ['kyoto'], version: 1 });
    const committee = created(
      await officer.post(`${BASE}/committees`, {
        level: 'national',
        name: { ja: '全国産業クラスター委員会', en: '' },
      }),
      'committee',
    );
    const event = created(await officer.post('/api/v1/events', eventBody()), 'event');
    f.parts.set('industrial-cluster', {
      projectKey: project.key!,
      committeeId: committee.id,
      eventId: event.id,
    });
  },
  rows: [
    { method: 'GET', route: `${BASE}/projects`, expect: everyone(200), send: get(`${BASE}/projects`) },
    {
      method: 'POST',
      route: `${BASE}/projects`,
      expect: only(MANAGE, 201),
      send: ({ client }) => client.post(`${BASE}/projects`, projectBody()),
    },
    {
      method: 'GET',
      route: `${BASE}/projects/:key`,
      expect: everyone(200),
      send: ({ client, f }) => client.get(`${BASE}/projects/${fx(f).projectKey}`),
    },
    {
      method: 'PATCH',
      route: `${BASE}/projects/:key`,
      serial: true,
      expect: only(MANAGE, 200),
      send: async ({ client, f }) =>
        client.patch(`${BASE}/projects/${fx(f).projectKey}`, {
          version: await projectVersion(f),
          description: { ja: '近畿の産業クラスター', en: `Edited ${unique()}` },
        }),
    },
    {
      method: 'POST',
      route: `${BASE}/projects/:key/members`,
      expect: only(MANAGE, 201),
      send: async ({ client, f }) => {
        const org = (await createOrganization(officerOf(f), { kind: 'company' })) as { id: number };
        return client.post(`${BASE}/projects/${fx(f).projectKey}/members`, {
          organizationId: org.id,
          role: 'member_company',
        });
      },
    },
    {
      method: 'DELETE',
      route: `${BASE}/projects/:key/members/:id`,
      expect: only(MANAGE, 200),
      send: async ({ client, f }) => {
        const org = (await createOrganization(officerOf(f), { kind: 'company' })) as { id: number };
        const res = await officerOf(f).post(`${BASE}/projects/${fx(f).projectKey}/members`, {
          organizationId: org.id,
          role: 'member_company',
        });
        const member = (res.body as { members: { id: number; organization: { id: number } }[] }).members.find(
          (m) => m.organization.id === org.id,
        )!;
        return client.delete(`${BASE}/projects/${fx(f).projectKey}/members/${member.id}`);
      },
    },
    {
      method: 'PUT',
      route: `${BASE}/projects/:key/clusters`,
      serial: true,
      expect: only(MANAGE, 200),
      send: async ({ client, f }) =>
        client.put(`${BASE}/projects/${fx(f).projectKey}/clusters`, {
          clusterKeys: ['kyoto'],
          version: await projectVersion(f),
        }),
    },
    {
      method: 'PUT',
      route: `${BASE}/projects/:key/seeds`,
      serial: true,
      expect: only(MANAGE, 200),
      send: async ({ client, f }) =>
        client.put(`${BASE}/projects/${fx(f).projectKey}/seeds`, {
          seedIds: [1, 2],
          version: await projectVersion(f),
        }),
    },
    {
      method: 'POST',
      route: `${BASE}/projects/:key/meti-funds`,
      expect: only(OFFICE, 201),
      send: ({ client, f }) =>
        client.post(`${BASE}/projects/${fx(f).projectKey}/meti-funds`, {
          fiscalYear: 2004,
          amountYen: 1_000_000,
          purpose: { ja: '実用化支援', en: 'Practical use' },
          cluster: 'kyoto',
        }),
    },
    { method: 'GET', route: `${BASE}/committees`, expect: everyone(200), send: get(`${BASE}/committees`) },
    {
      method: 'POST',
      route: `${BASE}/committees`,
      expect: only(MANAGE, 201),
      send: ({ client }) =>
        client.post(`${BASE}/committees`, {
          level: 'regional',
          bureau: 'kinki',
          name: { ja: '近畿地域産業クラスター委員会', en: '' },
        }),
    },
    {
      method: 'GET',
      route: `${BASE}/committees/:id`,
      expect: everyone(200),
      send: ({ client, f }) => client.get(`${BASE}/committees/${fx(f).committeeId}`),
    },
    {
      method: 'POST',
      route: `${BASE}/committees/:id/meetings`,
      expect: only(MANAGE, 201),
      send: ({ client, f }) =>
        client.post(`${BASE}/committees/${fx(f).committeeId}/meetings`, {
          heldOn: '2004-10-20',
          place: '大阪',
        }),
    },
    {
      method: 'PATCH',
      route: `${BASE}/committees/:id/meetings/:meetingId`,
      expect: only(MANAGE, 200),
      send: async ({ client, f }) => {
        const id = await freshMeeting(f);
        return client.patch(`${BASE}/committees/${fx(f).committeeId}/meetings/${id}`, {
          version: 1,
          minutes: { ja: '議事録', en: 'Minutes' },
        });
      },
    },
    { method: 'GET', route: '/api/v1/events', expect: everyone(200), send: get('/api/v1/events') },
    {
      method: 'POST',
      route: '/api/v1/events',
      expect: only(MANAGE, 201),
      send: ({ client }) => client.post('/api/v1/events', eventBody(100)),
    },
    {
      method: 'GET',
      route: '/api/v1/events/:id',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/events/${fx(f).eventId}`),
    },
    {
      method: 'PATCH',
      route: '/api/v1/events/:id',
      expect: only(MANAGE, 200),
      send: async ({ client, f }) =>
        client.patch(`/api/v1/events/${await freshEvent(f)}`, { version: 1, place: '京都' }),
    },
    {
      method: 'GET',
      route: '/api/v1/events/:id/registrations',
      expect: only(MANAGE, 200),
      send: ({ client, f }) => client.get(`/api/v1/events/${fx(f).eventId}/registrations`),
    },
    {
      method: 'POST',
      route: '/api/v1/events/:id/registrations',
      expect: signedIn(201),
      send: ({ client, f }) => client.post(`/api/v1/events/${fx(f).eventId}/registrations`, {}),
    },
    {
      method: 'POST',
      route: '/api/v1/events/:id/registrations/:registrationId/cancel',
      target: 'their own registration',
      expect: signedIn(200),
      send: ({ who, client, f }) => cancelOwn(client, f, who === 'anonymous'),
    },
    {
      method: 'POST',
      route: '/api/v1/events/:id/registrations/:registrationId/cancel',
      target: "someone else's registration",
      expect: only(MANAGE, 200),
      send: ({ client, f }) => cancelOwn(client, f, true),
    },
    {
      method: 'GET',
      route: '/api/v1/funding/projects',
      expect: only(OFFICE, 200),
      send: get('/api/v1/funding/projects', '/api/v1/funding/projects?fiscalYear=2030'),
    },
    {
      method: 'POST',
      route: '/api/v1/funding/projects',
      expect: only(OFFICE, 201),
      send: ({ client }) =>
        client.post('/api/v1/funding/projects', {
          programme: 'other',
          fiscalYear: 2031,
          theme: { ja: '', en: `Matrix theme ${unique()}` },
          researcherName: `Researcher ${unique()}`,
          amountYen: 1,
          source: 'permission matrix',
        }),
    },
    {
      method: 'GET',
      route: '/api/v1/funding/duplicates',
      expect: only(OFFICE, 200),
      send: get('/api/v1/funding/duplicates', '/api/v1/funding/duplicates?fiscalYear=2030'),
    },
    {
      method: 'POST',
      route: '/api/v1/funding/duplicates/reviews',
      expect: only(OFFICE, 201),
      send: async ({ client, f }) => {
        const flag = await freshFlag(f);
        return client.post('/api/v1/funding/duplicates/reviews', { ...flag, note: 'checked' });
      },
    },
  ],
};
