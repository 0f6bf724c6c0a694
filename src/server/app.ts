/** buildApp(config): plugins, hooks, error handling and every feature's routes. Nothing listens here. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { registerProblemHandlers } from './http/problem';
import './http/request-context';
import { registerSessionHooks } from './http/session-hooks';
import { registerAccountRoutes } from './modules/accounts/account.routes';
import { registerAnalyticsRoutes } from './modules/analytics/analytics.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerBudgetRoutes } from './modules/budgets/budget.routes';
import { registerClusterRoutes } from './modules/clusters/cluster.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerImportRoutes } from './modules/imports/import.routes';
import { registerOpenDataRoutes } from './modules/open-data/open-data.routes';
import { registerOrganizationRoutes } from './modules/organizations/organization.routes';
import { registerOutcomeRoutes } from './modules/outcomes/outcome.routes';
import { registerPersonRoutes } from './modules/people/person.routes';
import { registerProgrammeRoutes } from './modules/programme/programme.routes';
import { registerReportRoutes } from './modules/reports/report.routes';
import { registerFindingRoutes } from './modules/evaluation/finding.routes';
import { registerGradingRoutes } from './modules/evaluation/grading.routes';
import { registerInterviewRoutes } from './modules/evaluation/interview.routes';
import { registerAllocationRoutes } from './modules/evaluation/allocation.routes';
import { registerResultRoutes } from './modules/evaluation/results.routes';
import { registerRoundReportRoutes } from './modules/evaluation/round-report.routes';
import { registerEvaluationTaskRoutes } from './modules/evaluation/tasks.routes';
import { registerRoundRoutes } from './modules/evaluation/round.routes';
import { registerSelfEvaluationRoutes } from './modules/evaluation/self-evaluation.routes';
import { registerSelectionResultRoutes } from './modules/selection/result.routes';
import { registerSelectionReportRoutes } from './modules/selection/selection-report.routes';
import { registerSelectionReviewRoutes } from './modules/selection/review.routes';
import { registerSelectionCallRoutes } from './modules/selection/call.routes';
import { registerTargetRoutes } from './modules/targets/target.routes';
import { registerIndustrialClusterRoutes } from './modules/industrial-cluster/industrial-cluster.routes';
import { registerEventRoutes } from './modules/industrial-cluster/event.routes';
import { registerFundingRoutes } from './modules/funding/funding.routes';
import { registerListingRoutes } from './modules/matching/listing.routes';
import { registerMatchRoutes } from './modules/matching/match.routes';

export interface BuildAppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  /** false silences request logs (tests, benchmarks). */
  logger?: boolean;
}

export async function buildApp({
  config,
  database,
  logger = true,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  app.decorate('db', database.db);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and ECharts set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Only set HSTS where the deployment terminates TLS in front of us.
    hsts: config.trustProxy !== false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Knowledge Cluster Platform API',
        description:
          'REST API of the Knowledge Cluster Platform (知的クラスター創成事業). State-changing requests need the session cookie and the `x-csrf-token` header from GET /api/v1/auth/session. Errors are application/problem+json.',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerProblemHandlers(app);
  const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  registerSessionHooks(app, policy);

  registerHealthRoutes(app, database.engine);
  registerProgrammeRoutes(app);
  registerClusterRoutes(app);
  registerOrganizationRoutes(app);
  registerPersonRoutes(app);
  registerOutcomeRoutes(app);
  registerAnalyticsRoutes(app);
  registerOpenDataRoutes(app);
  registerReportRoutes(app);
  registerTargetRoutes(app);
  registerListingRoutes(app);
  registerMatchRoutes(app);
  registerBudgetRoutes(app);
  registerImportRoutes(app, { database, dataDir: config.dataDir, maxBytes: config.importMaxBytes });
  registerAuthRoutes(app, policy);
  registerAccountRoutes(app);
  registerAuditRoutes(app);
  registerSelectionReviewRoutes(app, { dataDir: config.dataDir });
  registerSelectionCallRoutes(app, {
    dataDir: config.dataDir,
    attachmentMaxBytes: config.attachmentMaxBytes,
  });
  registerSelectionResultRoutes(app);
  registerSelectionReportRoutes(app);
  registerRoundRoutes(app);
  registerGradingRoutes(app);
  registerResultRoutes(app);
  registerRoundReportRoutes(app);
  registerEvaluationTaskRoutes(app);
  registerAllocationRoutes(app);
  registerSelfEvaluationRoutes(app, {
    dataDir: config.dataDir,
    attachmentMaxBytes: config.attachmentMaxBytes,
  });
  registerInterviewRoutes(app);
  registerFindingRoutes(app);
  registerIndustrialClusterRoutes(app);
  registerEventRoutes(app);
  registerFundingRoutes(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const webDir = config.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // Vite fingerprints everything under assets/, so those files never change.
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          void res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // The single-page app owns every other GET path.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      // A missing file (an old chunk after a deploy) is a 404, not the app's HTML.
      if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
