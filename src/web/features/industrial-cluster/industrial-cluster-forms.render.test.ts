/**
 * The managers' forms of the Industrial Cluster pages, rendered on the server with a real API's
 * answers, in English and Japanese: who sees the buttons that open them, what each form holds, and
 * where a refusal lands — the contracts' own checks before sending, and the server's problem+json
 * field errors, each under the input it names.
 */
import { createElement as h, type ReactElement } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateCommitteeBody,
  CreateEventBody,
  CreateMeetingBody,
  CreateMetiFundBody,
  CreateProjectBody,
  type EventDetail,
  type ProjectDetail,
  RegisterBody,
} from '../../../contracts/industrial-cluster';
import { createOrganization, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { renderPage as render, textOf } from '../../../../test/support/render-page';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { ApiError } from '../../lib/api-client';
import type { FieldErrorMap } from '../../lib/form-errors';
import { SESSION_QUERY_KEY } from '../../lib/session';
import {
  committeeQueryOptions,
  committeesQueryOptions,
  eventQueryOptions,
  eventsQueryOptions,
  projectQueryOptions,
  projectsQueryOptions,
  registrationsQueryOptions,
  seedChoicesQueryOptions,
} from './api/industrial-cluster-api';
import { CommitteeFields, committeeDraftErrors, committeeInput } from './components/CommitteeModal';
import {
  createEventInput,
  EventFields,
  eventDraft,
  eventDraftErrors,
  updateEventInput,
} from './components/EventFormModal';
import { checkBody, type FieldErrorOf, useFormErrors } from './components/form-kit';
import { GuestFields, guestDraftErrors } from './components/GuestRegistrationModal';
import {
  createMeetingInput,
  MeetingFields,
  meetingDraft,
  meetingDraftErrors,
} from './components/MeetingFormModal';
import { MemberFields } from './components/MemberModals';
import {
  emptyMetiFundDraft,
  MetiFundFields,
  metiFundDraftErrors,
  metiFundInput,
} from './components/MetiFundModal';
import {
  createProjectInput,
  ProjectFields,
  projectDraft,
  projectDraftErrors,
} from './components/ProjectFormModal';
import { CommitteePage } from './pages/CommitteePage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';
import { ProjectPage } from './pages/ProjectPage';
import { ProjectsPage } from './pages/ProjectsPage';

const noop = () => undefined;

/** Renders a form's fields with its errors worked out as the modal does (server's answer, then the form's own). */
function Harness(props: {
  error?: unknown;
  local?: FieldErrorMap;
  render: (fe: FieldErrorOf) => ReactElement;
}) {
  const fieldError = useFormErrors(props.error, props.local ?? {});
  return props.render(fieldError);
}

function renderFields(
  el: (fe: FieldErrorOf) => ReactElement,
  errors: { error?: unknown; local?: FieldErrorMap },
) {
  return render(h(Harness, { ...errors, render: el }), [], '/', '/');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The error shown under the input labelled exactly `label` (Mantine ties them by the input's id), or null. */
function errorUnder(html: string, label: string): string | null {
  const labelled = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>((?:(?!</label>).)*)</label>`, 'gs');
  for (const m of html.matchAll(labelled)) {
    const text = textOf(m[2] ?? '')
      .trim()
      .replace(/\s*\*$/, '');
    if (text !== label) continue;
    const error = new RegExp(`id="${escape(m[1] ?? '')}-error"[^>]*>((?:(?!</p>|</div>).)*)`, 's').exec(html);
    return error ? textOf(error[1] ?? '').trim() : null;
  }
  throw new Error(`no input labelled "${label}"`);
}

/** A refusal from the real API as the web client would throw it. */
function apiErrorOf(res: { status: number; body: Record<string, unknown> }): ApiError {
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  return new ApiError({
    status: res.status,
    code: String(res.body.code),
    title: String(res.body.title),
    detail: String(res.body.detail),
    fieldErrors: (res.body.errors as { field: string; message: string }[] | undefined) ?? [],
  });
}

async function ok<T = unknown>(client: HttpClient, url: string): Promise<T> {
  const res = await client.get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

describe('Industrial Cluster forms', () => {
  let t: TestApp;
  let officer: HttpClient;
  let coordinator: HttpClient;
  let project: ProjectDetail;
  let event: EventDetail;
  let committeeId: number;
  let seedId: number;
  const key = 'tohoku-med';

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    coordinator = (await signInNew(t, 'coordinator')).client;
    const created = await coordinator.post('/api/v1/industrial-cluster/projects', {
      key,
      name: { ja: '東北ものづくりコリドー', en: 'Tohoku Manufacturing Corridor' },
      bureau: 'tohoku',
      startFy: 2001,
      source: 'METI list 2004',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const org = await createOrganization(officer, {
      kind: 'company',
      name: { ja: '仙台精機', en: 'Sendai Seiki' },
    });
    await coordinator.post(`/api/v1/industrial-cluster/projects/${key}/members`, {
      organizationId: org.id,
      role: 'member_company',
    });
    await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/clusters`, {
      clusterKeys: ['sendai'],
      version: 1,
    });
    const seed = await coordinator.post('/api/v1/seeds', {
      clusterKey: 'sendai',
      title: { ja: '生体適合チタン合金', en: 'Biocompatible titanium alloy' },
      summary: { ja: '医療用インプラント向けの合金', en: 'An alloy for medical implants' },
      keyField: 'nanotech_materials',
      keywords: ['titanium'],
      stage: 'prototype',
    });
    expect(seed.status, JSON.stringify(seed.body)).toBe(201);
    seedId = (seed.body as { id: number }).id;
    const linked = await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/seeds`, {
      seedIds: [seedId],
      version: 2,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    project = linked.body as ProjectDetail;
    const committee = await coordinator.post('/api/v1/industrial-cluster/committees', {
      level: 'national',
      name: { ja: '産業クラスター全国委員会', en: 'National Industrial Cluster committee' },
    });
    committeeId = (committee.body as { id: number }).id;
    const ev = await coordinator.post('/api/v1/events', {
      kind: 'cluster_forum',
      title: { ja: 'クラスターフォーラム', en: 'Cluster Forum' },
      startsOn: '2099-03-01',
      place: '仙台',
      capacity: 2,
      programme: [{ time: '10:00', title: 'Opening', speaker: 'METI' }],
    });
    expect(ev.status, JSON.stringify(ev.body)).toBe(201);
    event = ev.body as EventDetail;
    await officer.post(`/api/v1/events/${event.id}/registrations`, { organization: 'MEXT' });
    await coordinator.post(`/api/v1/events/${event.id}/registrations`, { organization: 'JST' });
    event = await ok<EventDetail>(coordinator, `/api/v1/events/${event.id}`);
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  describe('the buttons that open the forms', () => {
    it.each([
      ['en', ['New project', 'New committee', 'New event']],
      ['ja', ['プロジェクトを追加', '委員会を追加', 'イベントを追加']],
    ] as const)(
      'offers new projects, committees and events to a coordinator, not the public, in %s',
      async (lang, buttons) => {
        await i18n.changeLanguage(lang);
        const anon = t.anonymous();
        const seed = async (client: HttpClient) =>
          [
            [SESSION_QUERY_KEY, await ok(client, '/api/v1/auth/session')],
            [projectsQueryOptions(null).queryKey, await ok(client, '/api/v1/industrial-cluster/projects')],
            [committeesQueryOptions.queryKey, await ok(client, '/api/v1/industrial-cluster/committees')],
            [eventsQueryOptions.queryKey, await ok(client, '/api/v1/events')],
          ] as [readonly unknown[], unknown][];
        const managed = textOf(
          render(h(ProjectsPage), await seed(coordinator), '/industrial-cluster', '/industrial-cluster'),
        );
        for (const b of buttons) expect(managed).toContain(b);
        expect(managed).toContain(
          lang === 'en' ? 'National Industrial Cluster committee' : '産業クラスター全国委員会',
        );
        const pub = textOf(
          render(h(ProjectsPage), await seed(anon), '/industrial-cluster', '/industrial-cluster'),
        );
        for (const b of buttons) expect(pub).not.toContain(b);
        const events = textOf(
          render(
            h(EventsPage),
            [
              [SESSION_QUERY_KEY, await ok(coordinator, '/api/v1/auth/session')],
              [eventsQueryOptions.queryKey, await ok(coordinator, '/api/v1/events')],
            ],
            '/events',
            '/events',
          ),
        );
        expect(events).toContain(buttons[2]);
      },
    );

    it.each([
      [
        'en',
        [
          'Edit project',
          'Add member',
          'Remove',
          'Edit linked clusters',
          'Edit linked seeds',
          'New committee',
        ],
        'Record METI fund',
      ],
      [
        'ja',
        ['プロジェクトを編集', '参加機関を追加', '削除', '連携クラスターを編集', '連携シーズを編集'],
        '経済産業省の資金を記録',
      ],
    ] as const)(
      'offers project edits to managers and METI funds to officers only, with seeds linked by title, in %s',
      async (lang, manage, fund) => {
        await i18n.changeLanguage(lang);
        const path = `/industrial-cluster/projects/${key}`;
        const page = async (client: HttpClient) =>
          textOf(
            render(
              h(ProjectPage),
              [
                [projectQueryOptions(key).queryKey, await ok(client, `/api/v1${path}`)],
                [seedChoicesQueryOptions.queryKey, await ok(client, '/api/v1/seeds?limit=200')],
              ],
              path,
              '/industrial-cluster/projects/:key',
            ),
          );
        const asCoordinator = await page(coordinator);
        for (const b of manage) expect(asCoordinator).toContain(b);
        expect(asCoordinator).not.toContain(fund);
        expect(asCoordinator).toContain(
          lang === 'en' ? 'Biocompatible titanium alloy' : '生体適合チタン合金',
        );
        expect(await page(officer)).toContain(fund);
        const pub = await page(t.anonymous());
        for (const b of [...manage, fund]) expect(pub).not.toContain(b);
        const html = render(
          h(ProjectPage),
          [
            [projectQueryOptions(key).queryKey, await ok(coordinator, `/api/v1${path}`)],
            [seedChoicesQueryOptions.queryKey, await ok(coordinator, '/api/v1/seeds?limit=200')],
          ],
          path,
          '/industrial-cluster/projects/:key',
        );
        expect(html).toContain(`href="/seeds/${seedId}"`);
      },
    );

    it.each([
      ['en', ['New meeting', 'Edit meeting'], ['Edit event', 'Register a guest']],
      ['ja', ['会議を記録', '会議を編集'], ['イベントを編集', 'ゲストを登録']],
    ] as const)(
      'offers meetings and event edits to organizers in %s',
      async (lang, meeting, eventButtons) => {
        await i18n.changeLanguage(lang);
        await coordinator.post(`/api/v1/industrial-cluster/committees/${committeeId}/meetings`, {
          heldOn: '2004-10-01',
          place: '東京',
        });
        const cpath = `/industrial-cluster/committees/${committeeId}`;
        const committee = textOf(
          render(
            h(CommitteePage),
            [[committeeQueryOptions(committeeId).queryKey, await ok(coordinator, `/api/v1${cpath}`)]],
            cpath,
            '/industrial-cluster/committees/:id',
          ),
        );
        for (const b of meeting) expect(committee).toContain(b);
        const pubCommittee = textOf(
          render(
            h(CommitteePage),
            [[committeeQueryOptions(committeeId).queryKey, await ok(t.anonymous(), `/api/v1${cpath}`)]],
            cpath,
            '/industrial-cluster/committees/:id',
          ),
        );
        for (const b of meeting) expect(pubCommittee).not.toContain(b);
        const epath = `/events/${event.id}`;
        const eventPage = textOf(
          render(
            h(EventPage),
            [
              [SESSION_QUERY_KEY, await ok(coordinator, '/api/v1/auth/session')],
              [eventQueryOptions(event.id).queryKey, await ok(coordinator, `/api/v1${epath}`)],
              [
                registrationsQueryOptions(event.id).queryKey,
                await ok(coordinator, `/api/v1${epath}/registrations`),
              ],
            ],
            epath,
            '/events/:id',
          ),
        );
        for (const b of eventButtons) expect(eventPage).toContain(b);
      },
    );
  });

  describe('the project form', () => {
    it.each([
      [
        'en',
        'Key',
        'METI regional bureau',
        'First fiscal year',
        'Source',
        'Name (Japanese)',
        'Required',
        'Give the name',
      ],
      [
        'ja',
        'キー',
        '経済産業局',
        '開始年度',
        '出典',
        '名称（日本語）',
        '入力してください',
        '日本語名または英語名',
      ],
    ] as const)(
      'checks an empty new project before sending, naming each field in %s',
      async (lang, keyLabel, bureau, startFy, source, nameJa, required, nameRequired) => {
        await i18n.changeLanguage(lang);
        const draft = projectDraft();
        const checked = checkBody(
          CreateProjectBody,
          createProjectInput(draft),
          lang,
          projectDraftErrors(draft, true, 'x'),
        );
        expect(checked.success).toBe(false);
        const local = checked.success ? {} : checked.errors;
        const html = renderFields(
          (fe) => h(ProjectFields, { draft, onChange: noop, fieldError: fe, isNew: true }),
          { local },
        );
        expect(errorUnder(html, keyLabel)).toBe(required);
        expect(errorUnder(html, bureau)).toBe(required);
        expect(errorUnder(html, startFy)).toBe(required);
        expect(errorUnder(html, source)).toBe(required);
        expect(errorUnder(html, nameJa)).toContain(nameRequired);
      },
    );

    it.each([
      ['en', 'Last fiscal year', 'The last fiscal year is before the first.'],
      ['ja', '終了年度', '終了年度が開始年度より前です。'],
    ] as const)('says the last fiscal year is before the first, in %s', async (lang, label, message) => {
      await i18n.changeLanguage(lang);
      const draft = { ...projectDraft(project), startFy: 2005, endFy: 2003 };
      const local = projectDraftErrors(draft, false, i18n.t('industrialCluster.form.endBeforeStart'));
      const html = renderFields(
        (fe) => h(ProjectFields, { draft, onChange: noop, fieldError: fe, isNew: false }),
        {
          local,
        },
      );
      expect(errorUnder(html, label)).toBe(message);
      // The key is set once, when the project is created.
      expect(textOf(html)).not.toContain(lang === 'en' ? 'Key' : 'キー');
    });

    it('shows the server’s refusal of a key already in use under the key', async () => {
      await i18n.changeLanguage('en');
      const draft = { ...projectDraft(), key, nameEn: 'Again', bureau: 'tohoku', startFy: 2004, source: 'x' };
      const refused = await coordinator.post(
        '/api/v1/industrial-cluster/projects',
        createProjectInput(draft),
      );
      const error = apiErrorOf(refused);
      expect(error.status).toBe(409);
      const html = renderFields(
        (fe) => h(ProjectFields, { draft, onChange: noop, fieldError: fe, isNew: true }),
        {
          error,
        },
      );
      expect(errorUnder(html, 'Key')).toBeTruthy();
      expect(errorUnder(html, 'METI regional bureau')).toBeNull();
    });
  });

  describe('members, METI funds and committees', () => {
    it.each([
      ['en', ['Organization', 'Role', 'Joined in fiscal year']],
      ['ja', ['機関', '役割', '参加年度']],
    ] as const)(
      'puts an unknown organization’s refusal under the organization picker in %s',
      async (lang, labels) => {
        await i18n.changeLanguage(lang);
        const refused = await coordinator.post(`/api/v1/industrial-cluster/projects/${key}/members`, {
          organizationId: 999_999,
          role: 'other',
        });
        const error = apiErrorOf(refused);
        const html = renderFields(
          (fe) =>
            h(MemberFields, {
              draft: { organizationId: null, role: 'other', joinedFy: null },
              onChange: noop,
              fieldError: fe,
            }),
          { error },
        );
        for (const l of labels) expect(textOf(html)).toContain(l);
        expect(errorUnder(html, labels[0])).toBeTruthy();
        expect(errorUnder(html, labels[1])).toBeNull();
      },
    );

    it.each([
      ['en', 'Fiscal year', 'Amount (yen)', 'Required', 'Knowledge cluster'],
      ['ja', '年度', '金額（円）', '入力してください', '知的クラスター'],
    ] as const)(
      'checks a METI fund before sending and shows a cluster the project does not link, in %s',
      async (lang, fy, amount, required, cluster) => {
        await i18n.changeLanguage(lang);
        const checked = checkBody(
          CreateMetiFundBody,
          metiFundInput(emptyMetiFundDraft),
          lang,
          metiFundDraftErrors(emptyMetiFundDraft),
        );
        const local = checked.success ? {} : checked.errors;
        const fields = (fe: FieldErrorOf) =>
          h(MetiFundFields, {
            project,
            draft: emptyMetiFundDraft,
            onChange: noop,
            fieldError: fe,
            seedChoices: [{ value: String(seedId), label: 'Biocompatible titanium alloy' }],
          });
        let html = renderFields(fields, { local });
        expect(errorUnder(html, fy)).toBe(required);
        expect(errorUnder(html, amount)).toBe(required);
        const refused = await officer.post(`/api/v1/industrial-cluster/projects/${key}/meti-funds`, {
          fiscalYear: 2004,
          amountYen: 10_000_000,
          purpose: { ja: '実用化', en: '' },
          cluster: 'kyoto',
        });
        html = renderFields(fields, { error: apiErrorOf(refused) });
        expect(errorUnder(html, cluster)).toBeTruthy();
        expect(errorUnder(html, amount)).toBeNull();
      },
    );

    it.each([
      ['en', 'METI regional bureau', 'Required', 'Name (English)'],
      ['ja', '経済産業局', '入力してください', '名称（英語）'],
    ] as const)('asks a regional committee for its bureau, in %s', async (lang, bureau, required, nameEn) => {
      await i18n.changeLanguage(lang);
      const draft = { level: 'regional' as const, bureau: null, nameJa: '', nameEn: 'Tohoku', project: key };
      const checked = checkBody(
        CreateCommitteeBody,
        committeeInput(draft),
        lang,
        committeeDraftErrors(draft),
      );
      const local = checked.success ? {} : checked.errors;
      const fields = (fe: FieldErrorOf) =>
        h(CommitteeFields, {
          draft,
          onChange: noop,
          fieldError: fe,
          projectChoices: [{ value: key, label: key }],
        });
      let html = renderFields(fields, { local });
      expect(errorUnder(html, bureau)).toBe(required);
      expect(errorUnder(html, nameEn)).toBeNull();
      // The server says the same, on the same input.
      const refused = await coordinator.post('/api/v1/industrial-cluster/committees', committeeInput(draft));
      html = renderFields(fields, { error: apiErrorOf(refused) });
      expect(errorUnder(html, bureau)).toBeTruthy();
      // The national committee has no bureau to pick.
      html = renderFields(
        (fe) =>
          h(CommitteeFields, {
            draft: { ...draft, level: 'national' },
            onChange: noop,
            fieldError: fe,
            projectChoices: [],
          }),
        {},
      );
      expect(() => errorUnder(html, bureau)).toThrow();
    });
  });

  describe('meetings, events and guests', () => {
    it.each([
      ['en', 'Date', 'Place', 'Required', 'Attendee 1: name', 'Minutes (English)'],
      ['ja', '日付', '場所', '入力してください', '出席者1：氏名', '議事録（英語）'],
    ] as const)(
      'checks a meeting and lists its attendees, in %s',
      async (lang, date, place, required, attendee, minutes) => {
        await i18n.changeLanguage(lang);
        const draft = {
          ...meetingDraft(),
          attendees: [{ personId: null, name: '経済 一郎', organization: '' }],
        };
        const checked = checkBody(
          CreateMeetingBody,
          createMeetingInput(draft),
          lang,
          meetingDraftErrors(draft),
        );
        const local = checked.success ? {} : checked.errors;
        const html = renderFields((fe) => h(MeetingFields, { draft, onChange: noop, fieldError: fe }), {
          local,
        });
        expect(errorUnder(html, date)).toBe(required);
        expect(errorUnder(html, place)).toBe(required);
        expect(errorUnder(html, attendee)).toBeNull();
        expect(html).toContain('経済 一郎');
        expect(textOf(html)).toContain(minutes);
      },
    );

    it.each([
      ['en', 'Kind', 'Last day', 'The last day is before the first.', 'Session 1: title', 'Capacity'],
      ['ja', '種類', '終了日', '終了日が開始日より前です。', 'プログラム1：題目', '定員'],
    ] as const)(
      'checks an event and its programme, and puts a capacity below the registrations under capacity, in %s',
      async (lang, kind, endsOn, endBefore, sessionTitle, capacity) => {
        await i18n.changeLanguage(lang);
        const draft = {
          ...eventDraft(),
          startsOn: '2099-05-02',
          endsOn: '2099-05-01',
          place: 'Sendai',
          titleEn: 'Forum',
          programme: [{ time: '10:00', title: '', speaker: 'METI' }],
        };
        const checked = checkBody(
          CreateEventBody,
          createEventInput(draft),
          lang,
          eventDraftErrors(draft, i18n.t('industrialCluster.form.endBeforeStartDate')),
        );
        const local = checked.success ? {} : checked.errors;
        const fields = (d: typeof draft) => (fe: FieldErrorOf) =>
          h(EventFields, {
            draft: d,
            onChange: noop,
            fieldError: fe,
            projectChoices: [],
            clusterChoices: [],
          });
        let html = renderFields(fields(draft), { local });
        expect(errorUnder(html, kind)).toBeTruthy();
        expect(errorUnder(html, endsOn)).toBe(endBefore);
        expect(errorUnder(html, sessionTitle)).toBeTruthy();
        // Editing: two people are registered, so one seat is refused by the server.
        const edited = { ...eventDraft(event), capacity: 1 };
        const body = updateEventInput(edited, event);
        expect(body).toEqual({ version: event.version, capacity: 1 });
        const refused = await coordinator.patch(`/api/v1/events/${event.id}`, body);
        html = renderFields(fields(edited), { error: apiErrorOf(refused) });
        expect(errorUnder(html, capacity)).toContain('2');
        expect(html).toContain('Opening');
      },
    );

    it.each([
      ['en', 'Name', 'E-mail', 'Required'],
      ['ja', '氏名', 'メール', '入力してください'],
    ] as const)(
      'checks a guest’s name and e-mail, and shows the server’s refusal of a bad address, in %s',
      async (lang, name, email, required) => {
        await i18n.changeLanguage(lang);
        const empty = { name: '', organization: 'Tohoku Univ.', email: '' };
        const checked = checkBody(RegisterBody, { guest: empty }, lang, guestDraftErrors(empty));
        const local = checked.success ? {} : checked.errors;
        const fields = (d: typeof empty) => (fe: FieldErrorOf) =>
          h(GuestFields, { draft: d, onChange: noop, fieldError: fe });
        let html = renderFields(fields(empty), { local });
        expect(errorUnder(html, name)).toBe(required);
        expect(errorUnder(html, email)).toBe(required);
        const bad = { name: 'Guest', organization: 'Tohoku Univ.', email: 'not-an-address' };
        const refused = await coordinator.post(`/api/v1/events/${event.id}/registrations`, { guest: bad });
        html = renderFields(fields(bad), { error: apiErrorOf(refused) });
        expect(errorUnder(html, email)).toBeTruthy();
        expect(errorUnder(html, name)).toBeNull();
      },
    );
  });
});
