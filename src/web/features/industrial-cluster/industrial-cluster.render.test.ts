/**
 * Renders the Industrial Cluster pages on the server with the answers of a real API, in English and
 * Japanese: the projects list, a project with members, clusters, seeds and METI funds, a committee
 * (with minutes for a coordinator, without for the public) and an event with its programme.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { renderPage as render, textOf } from '../../../../test/support/render-page';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { SESSION_QUERY_KEY } from '../../lib/session';
import {
  committeeQueryOptions,
  eventQueryOptions,
  eventsQueryOptions,
  projectQueryOptions,
  projectsQueryOptions,
  registrationsQueryOptions,
} from './api/industrial-cluster-api';
import { CommitteePage } from './pages/CommitteePage';
import { EventPage } from './pages/EventPage';
import { ProjectPage } from './pages/ProjectPage';
import { ProjectsPage } from './pages/ProjectsPage';

async function ok(client: HttpClient, url: string): Promise<unknown> {
  const res = await client.get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('Industrial Cluster pages', () => {
  let t: TestApp;
  let officer: HttpClient;
  let coordinator: HttpClient;
  let committeeId: number;
  let eventId: number;
  const key = 'kinki-bio';

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    coordinator = (await signInNew(t, 'coordinator')).client;
    await coordinator.post('/api/v1/industrial-cluster/projects', {
      key,
      name: { ja: '関西バイオクラスター', en: 'Kansai Bio Cluster' },
      bureau: 'kinki',
      startFy: 2001,
      source: 'METI list 2004',
    });
    const org = await createOrganization(officer, {
      kind: 'company',
      name: { ja: '関西製薬', en: 'Kansai Pharma' },
    });
    await coordinator.post(`/api/v1/industrial-cluster/projects/${key}/members`, {
      organizationId: org.id,
      role: 'core_company',
      joinedFy: 2002,
    });
    await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/clusters`, {
      clusterKeys: ['kyoto'],
      version: 1,
    });
    await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/seeds`, { seedIds: [12], version: 2 });
    for (const [fiscalYear, amountYen] of [
      [2004, 30_000_000],
      [2005, 45_000_000],
    ] as const)
      await officer.post(`/api/v1/industrial-cluster/projects/${key}/meti-funds`, {
        fiscalYear,
        amountYen,
        purpose: { ja: '創薬シーズの実用化', en: 'Practical use of drug-discovery seeds' },
        cluster: 'kyoto',
      });
    const committee = await coordinator.post('/api/v1/industrial-cluster/committees', {
      level: 'regional',
      bureau: 'kinki',
      name: { ja: '近畿地域産業クラスター委員会', en: 'Kinki regional committee' },
      project: key,
    });
    committeeId = committee.body.id;
    await coordinator.post(`/api/v1/industrial-cluster/committees/${committeeId}/meetings`, {
      heldOn: '2004-10-20',
      place: '大阪',
      agenda: '知的クラスターとの連携',
      attendees: [{ name: '経済 一郎', organization: '近畿経済産業局' }],
      minutes: { ja: '合同発表会を開く', en: 'A joint conference will be held' },
    });
    const event = await coordinator.post('/api/v1/events', {
      kind: 'joint_conference',
      title: { ja: '合同成果発表会', en: 'Joint conference' },
      startsOn: '2099-02-01',
      place: '京都',
      programme: [{ time: '10:00', title: 'Keynote', speaker: 'MEXT' }],
      capacity: 100,
    });
    eventId = event.body.id;
    await officer.post(`/api/v1/events/${eventId}/registrations`, { organization: 'MEXT' });
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it.each([
    ['en', ['Kansai Bio Cluster', 'Kinki', 'Joint conference']],
    ['ja', ['関西バイオクラスター', '近畿', '合同成果発表会']],
  ] as const)('lists projects and events in %s', async (lang, expected) => {
    await i18n.changeLanguage(lang);
    const anon = t.anonymous();
    const html = render(
      h(ProjectsPage),
      [
        [projectsQueryOptions(null).queryKey, await ok(anon, '/api/v1/industrial-cluster/projects')],
        [eventsQueryOptions.queryKey, await ok(anon, '/api/v1/events')],
      ],
      '/industrial-cluster',
      '/industrial-cluster',
    );
    for (const text of expected) expect(textOf(html)).toContain(text);
  });

  it.each([
    [
      'en',
      [
        'Kansai Pharma',
        'Core company',
        'Seed #12',
        '¥',
        'Practical use of drug-discovery seeds',
        'Kinki regional committee',
      ],
    ],
    ['ja', ['関西製薬', '中核企業', 'シーズ #12', '創薬シーズの実用化', '近畿地域産業クラスター委員会']],
  ] as const)(
    'shows a project with members, seeds, METI funds and committees in %s',
    async (lang, expected) => {
      await i18n.changeLanguage(lang);
      const html = render(
        h(ProjectPage),
        [
          [
            projectQueryOptions(key).queryKey,
            await ok(t.anonymous(), `/api/v1/industrial-cluster/projects/${key}`),
          ],
        ],
        `/industrial-cluster/projects/${key}`,
        '/industrial-cluster/projects/:key',
      );
      for (const text of expected) expect(textOf(html)).toContain(text);
    },
  );

  it.each([
    ['en', 'A joint conference will be held', 'Save minutes', 'Attendees and minutes are shown'],
    ['ja', '合同発表会を開く', '議事録を保存', '出席者と議事録は'],
  ] as const)(
    'shows minutes to a coordinator and hides them from the public in %s',
    async (lang, minutes, save, hidden) => {
      await i18n.changeLanguage(lang);
      const path = `/industrial-cluster/committees/${committeeId}`;
      const managed = render(
        h(CommitteePage),
        [[committeeQueryOptions(committeeId).queryKey, await ok(coordinator, `/api/v1${path}`)]],
        path,
        '/industrial-cluster/committees/:id',
      );
      expect(managed).toContain(minutes);
      expect(textOf(managed)).toContain(save);
      expect(textOf(managed)).toContain('経済 一郎');
      const pub = render(
        h(CommitteePage),
        [[committeeQueryOptions(committeeId).queryKey, await ok(t.anonymous(), `/api/v1${path}`)]],
        path,
        '/industrial-cluster/committees/:id',
      );
      expect(textOf(pub)).not.toContain(minutes);
      expect(textOf(pub)).not.toContain('経済 一郎');
      expect(textOf(pub)).toContain(hidden);
    },
  );

  it.each([
    [
      'en',
      ['Keynote', 'You are registered.', 'Cancel my registration', 'Registrations', '1 of 100 seats taken'],
    ],
    ['ja', ['Keynote', '参加を申し込み済みです。', '申込を取り消す', '参加申込', '定員100名中 1名申込']],
  ] as const)(
    'shows an event with its programme and registrations to an organizer in %s',
    async (lang, expected) => {
      await i18n.changeLanguage(lang);
      const html = render(
        h(EventPage),
        [
          [SESSION_QUERY_KEY, await ok(officer, '/api/v1/auth/session')],
          [eventQueryOptions(eventId).queryKey, await ok(officer, `/api/v1/events/${eventId}`)],
          [
            registrationsQueryOptions(eventId).queryKey,
            await ok(officer, `/api/v1/events/${eventId}/registrations`),
          ],
        ],
        `/events/${eventId}`,
        '/events/:id',
      );
      for (const text of expected) expect(textOf(html)).toContain(text);
    },
  );
});
