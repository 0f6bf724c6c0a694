/**
 * Events through HTTP on every engine: an organizer adds a joint conference with its programme,
 * capacity and deadline; signed-in people register once each, the last seat is taken once, the
 * deadline closes registration, a registrant cancels and the seat is free again; organizers read
 * the registrations and register guests.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { countRows, expectProblem, lastAuditEntry, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'joint_conference',
    title: {
      ja: '知的クラスター・産業クラスター合同成果発表会',
      en: 'Joint conference of Knowledge and Industrial Clusters',
    },
    startsOn: '2099-02-01',
    endsOn: '2099-02-02',
    place: '東京国際フォーラム',
    programme: [
      { time: '10:00', title: '開会挨拶', speaker: '文部科学省' },
      { time: '10:30', title: 'Keynote: from seeds to products', speaker: 'METI' },
    ],
    capacity: 2,
    registrationDeadline: '2099-01-25T17:00:00+09:00',
    clusters: ['sapporo'],
    ...overrides,
  };
}

describe.each(ENGINES)('events on %s', (engine) => {
  let t: TestApp;
  let coordinator: HttpClient;
  let people: HttpClient[];

  beforeAll(async () => {
    t = await buildTestApp(engine);
    coordinator = (await signInNew(t, 'coordinator')).client;
    people = await Promise.all(
      (['evaluator', 'weighting_member', 'evaluator'] as const).map(
        async (role) => (await signInNew(t, role)).client,
      ),
    );
  });
  afterAll(async () => t?.close());

  it('adds an event that everyone reads with its programme', async () => {
    const created = await coordinator.post('/api/v1/events', eventBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'joint_conference',
      capacity: 2,
      registeredCount: 0,
      isRegistrationOpen: true,
      clusters: [expect.objectContaining({ key: 'sapporo' })],
      registrationDeadline: '2099-01-25T08:00:00.000Z',
    });
    const pub = await t.anonymous().get(`/api/v1/events/${created.body.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.programme).toHaveLength(2);
    expect(pub.body).toMatchObject({ canRegister: false, myRegistration: null });
    const list = await t.anonymous().get('/api/v1/events?when=upcoming');
    expect(list.body.items.map((e: { id: number }) => e.id)).toContain(created.body.id);
  });

  it('registers each account once, enforces the capacity with a 409, and frees the seat on cancel', async () => {
    const { body: event } = await coordinator.post('/api/v1/events', eventBody());
    const [a, b, c] = people as [HttpClient, HttpClient, HttpClient];
    const first = await a.post(`/api/v1/events/${event.id}/registrations`, { organization: '北大' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ organization: '北大', cancelledAt: null });
    expect((await lastAuditEntry(t)).action).toBe('event-registration.create');
    expectProblem(
      await a.post(`/api/v1/events/${event.id}/registrations`, {}),
      409,
      'DUPLICATE',
      'params.id',
    );
    expect((await b.post(`/api/v1/events/${event.id}/registrations`, {})).status).toBe(201);

    const full = await c.post(`/api/v1/events/${event.id}/registrations`, {});
    expectProblem(full, 409, 'OVER_CAPACITY', 'params.id');
    expect((await t.anonymous().get(`/api/v1/events/${event.id}`)).body.registeredCount).toBe(2);

    // Someone else's registration is not theirs to cancel.
    expectProblem(
      await c.post(`/api/v1/events/${event.id}/registrations/${first.body.id}/cancel`),
      403,
      'FORBIDDEN',
    );
    const cancelled = await a.post(`/api/v1/events/${event.id}/registrations/${first.body.id}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expectProblem(
      await a.post(`/api/v1/events/${event.id}/registrations/${first.body.id}/cancel`),
      409,
      'INVALID_TRANSITION',
    );
    expect((await c.post(`/api/v1/events/${event.id}/registrations`, {})).status).toBe(201);
    // After cancelling, the account may register again when a seat is free.
    expectProblem(await a.post(`/api/v1/events/${event.id}/registrations`, {}), 409, 'OVER_CAPACITY');

    const registrations = await coordinator.get(`/api/v1/events/${event.id}/registrations`);
    expect(
      registrations.body.items.map((r: { cancelledAt: string | null }) => r.cancelledAt === null),
    ).toEqual([true, true, false]);
    expectProblem(await a.get(`/api/v1/events/${event.id}/registrations`), 403, 'FORBIDDEN');
    expectProblem(
      await coordinator.patch(`/api/v1/events/${event.id}`, { version: 1, capacity: 1 }),
      422,
      'RULE_VIOLATION',
      'body.capacity',
    );
  });

  it('never sells the last seat twice to concurrent registrations', async () => {
    const { body: event } = await coordinator.post('/api/v1/events', eventBody({ capacity: 1 }));
    const answers = await Promise.all(
      people.map((p) => p.post(`/api/v1/events/${event.id}/registrations`, {})),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const stored = await sql<{ n: number }>`select count(*) as n from cluster_event_registrations
      where event_id = ${event.id} and cancelled_at is null`.execute(t.database.db);
    expect(Number(stored.rows[0]!.n)).toBe(1);
  });

  it('closes registration at the deadline', async () => {
    const { body: event } = await coordinator.post(
      '/api/v1/events',
      eventBody({ startsOn: '2004-10-01', endsOn: null, registrationDeadline: '2004-09-20T17:00:00+09:00' }),
    );
    expect(event.isRegistrationOpen).toBe(false);
    const before = await countRows(t, 'cluster_event_registrations');
    expectProblem(
      await people[0]!.post(`/api/v1/events/${event.id}/registrations`, {}),
      409,
      'DEADLINE_PASSED',
      'params.id',
    );
    expect(await countRows(t, 'cluster_event_registrations')).toBe(before);
  });

  it('lets organizers register a guest; others may not', async () => {
    const { body: event } = await coordinator.post('/api/v1/events', eventBody({ capacity: null }));
    const guest = { name: '産業 花子', organization: '株式会社テスト', email: 'hanako@example.jp' };
    const made = await coordinator.post(`/api/v1/events/${event.id}/registrations`, { guest });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ ...guest, accountId: null });
    expectProblem(
      await people[0]!.post(`/api/v1/events/${event.id}/registrations`, { guest }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.anonymous().post(`/api/v1/events/${event.id}/registrations`, {}),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses bad events naming the field, writing nothing', async () => {
    const before = await countRows(t, 'cluster_events');
    expectProblem(
      await coordinator.post('/api/v1/events', eventBody({ title: { ja: '', en: '' } })),
      400,
      'VALIDATION_FAILED',
      'body.title',
    );
    expectProblem(
      await coordinator.post('/api/v1/events', eventBody({ kind: 'party' })),
      400,
      'VALIDATION_FAILED',
      'body.kind',
    );
    expectProblem(
      await coordinator.post('/api/v1/events', eventBody({ capacity: 0 })),
      400,
      'VALIDATION_FAILED',
      'body.capacity',
    );
    expectProblem(
      await coordinator.post('/api/v1/events', eventBody({ endsOn: '2099-01-01' })),
      400,
      'VALIDATION_FAILED',
      'body.endsOn',
    );
    expectProblem(
      await coordinator.post(
        '/api/v1/events',
        eventBody({ registrationDeadline: '2099-03-01T00:00:00+09:00' }),
      ),
      400,
      'VALIDATION_FAILED',
      'body.registrationDeadline',
    );
    expectProblem(
      await coordinator.post('/api/v1/events', eventBody({ clusters: ['sapporo', 'atlantis'] })),
      422,
      'UNKNOWN_REFERENCE',
      'body.clusters.1',
    );
    expect(await countRows(t, 'cluster_events')).toBe(before);
  });
});
