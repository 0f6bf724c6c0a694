import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { createCluster, expectProblem } from '../../../../test/support/factories';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('health, docs and HTTP basics on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  describe('GET /healthz', () => {
    it('says ok and names the database engine it just reached', async () => {
      const res = await t.anonymous().get('/healthz');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', database: engine });
    });
  });

  describe('GET /api/openapi.json', () => {
    it('is an OpenAPI 3 document listing the /api/v1 paths', async () => {
      const res = await t.anonymous().get('/api/openapi.json');

      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.info.title).toEqual(expect.any(String));
      const paths = Object.keys(res.body.paths);
      for (const path of [
        '/api/v1/programme',
        '/api/v1/reference',
        '/api/v1/criteria-templates',
        '/api/v1/clusters',
        '/api/v1/clusters/{key}',
        '/api/v1/clusters/{key}/members',
        '/api/v1/organizations',
        '/api/v1/people',
        '/api/v1/outcome-table',
        '/api/v1/auth/session',
        '/api/v1/auth/sign-in',
        '/api/v1/accounts',
        '/api/v1/audit',
        '/api/v1/audit/verify',
      ]) {
        expect(paths).toContain(path);
      }
    });

    it('declares the request body and the problem responses of a write', async () => {
      const res = await t.anonymous().get('/api/openapi.json');

      const patch = res.body.paths['/api/v1/clusters/{key}'].patch;
      expect(patch.requestBody.content['application/json'].schema.properties).toHaveProperty('version');
      expect(Object.keys(patch.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
      );
    });
  });

  describe('GET /api/docs', () => {
    it('serves the Swagger UI page as HTML', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs' });

      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
      expect(res.body).toMatch(/swagger/i);
    });
  });

  describe('an unknown route', () => {
    it('answers 404 application/problem+json naming the method and path', async () => {
      const res = await t.anonymous().get('/api/v1/no-such-thing');

      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toContain('/api/v1/no-such-thing');
    });

    it('answers 404 problem+json to an unknown method on a known path', async () => {
      const res = await t.anonymous().request('DELETE', '/api/v1/clusters/kyoto');

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });

  describe('error answers', () => {
    it('answer 413 problem+json to a body over 1 MiB', async () => {
      const officer = await t.signInAs('programme_officer');

      const res = await officer.request('POST', '/api/v1/organizations', undefined, {
        raw: JSON.stringify({ source: 'x'.repeat(1_100_000) }),
      });

      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('hide the details of a 5xx and give the request id to quote', async () => {
      // A value no contract allows, written behind the application's back, fails the response schema.
      const officer = await t.signInAs('programme_officer');
      const cluster = await createCluster(officer);
      await sql`update clusters set status = 'bogus-status' where key = ${cluster.key}`.execute(
        t.database.db,
      );

      const res = await officer.get(`/api/v1/clusters/${cluster.key}`);

      expectProblem(res, 500, 'INTERNAL');
      expect(res.body.detail).toContain('request id');
      expect(res.text).not.toContain('bogus-status');
      expect(res.text).not.toMatch(/at .*\.ts:\d+|ZodError|stack/i);
      expect(Object.keys(res.body).sort()).toEqual([
        'code',
        'detail',
        'requestId',
        'status',
        'title',
        'type',
      ]);
    });
  });

  describe('response headers', () => {
    it('carry a fresh x-request-id on every response', async () => {
      const client = t.anonymous();
      const first = await client.get('/healthz');
      const second = await client.get('/healthz');

      expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    });

    it('ignore a request id sent by the client', async () => {
      const res = await t
        .anonymous()
        .request('GET', '/healthz', undefined, { headers: { 'x-request-id': 'forged' } });

      expect(res.headers['x-request-id']).not.toBe('forged');
    });

    it.each([
      ['/healthz', 200],
      ['/api/v1/clusters', 200],
      ['/api/v1/no-such-thing', 404],
    ])("carry helmet's security headers on %s", async (url, status) => {
      const res = await t.anonymous().get(url);

      expect(res.status).toBe(status);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers).not.toHaveProperty('x-powered-by');
    });

    it('do not send HSTS when no TLS-terminating proxy is configured', async () => {
      const res = await t.anonymous().get('/healthz');

      expect(res.headers).not.toHaveProperty('strict-transport-security');
    });
  });
});
