import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { loadStreamTokenKey } from '@vigia/contracts/stream-token';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Clock, systemClock } from './config/clock.js';
import type { AppDeps } from './http/app-deps.js';
import { trustProxyOption } from './http/client-address.js';
import { installControlCharacterGuard } from './http/control-characters.js';
import { installErrorHandler } from './http/error-handler.js';
import { installGuard, type RegisteredRoute } from './http/guard.js';
import { serverLoggerOptions } from './http/log-safe-error.js';
import { RequestActivity } from './http/request-activity.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installWeb } from './http/web.js';
import { accountabilityRoutes } from './modules/accountability/accountability.routes.js';
import { altchaFrom } from './modules/accounts/altcha.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import { resolveSession } from './modules/accounts/session.service.js';
import { usersRoutes } from './modules/accounts/users.routes.js';
import { accreditationRoutes } from './modules/accreditation/accreditation.routes.js';
import { alertsRoutes } from './modules/alerts/alerts.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { auditScreenRoutes } from './modules/audit/audit-screen.routes.js';
import { bookmarksRoutes } from './modules/bookmarks/bookmarks.routes.js';
import { cameraNvrRoutes } from './modules/cameras/camera-nvr.routes.js';
import { camerasRoutes } from './modules/cameras/cameras.routes.js';
import { accidentCertificateRoutes } from './modules/citizen-accident-certificate/accident-certificate.routes.js';
import { citizenAccountsRoutes, lookupPersonKey } from './modules/citizen-accounts/citizen-accounts.routes.js';
import { resolveCitizenSession } from './modules/citizen-accounts/citizen-session.service.js';
import { PublicLookupGate } from './modules/citizen-accounts/public-lookup-gate.js';
import { criminalRecordRoutes } from './modules/citizen-criminal-record/criminal-record.routes.js';
import { citizenFeesRoutes } from './modules/citizen-fees/citizen-fees.routes.js';
import { platformTreasury } from './modules/citizen-fees/treasury.adapter.js';
import { unlockAfterPayment } from './modules/citizen-identity-card/advance-identity-card.js';
import { platformIdentification } from './modules/citizen-identity-card/identification.adapter.js';
import { identityCardRoutes } from './modules/citizen-identity-card/identity-card.routes.js';
import { IDENTITY_CARD_FEE } from './modules/citizen-identity-card/identity-card-deps.js';
import { complaintsRoutes } from './modules/complaints/complaints.routes.js';
import { consoleRoutes } from './modules/console/console.routes.js';
import { DocumentRenderQueue } from './modules/documents/deferred-render.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { eventsRoutes } from './modules/events/events.routes.js';
import { exportsRoutes } from './modules/exports/exports.routes.js';
import { localFileStorage } from './modules/files/file-storage.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { inspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { integrationsRoutes } from './modules/integrations/integrations.routes.js';
import { integratorsRoutes } from './modules/integrators/integrators.routes.js';
import { liveRoutes } from './modules/live/live.routes.js';
import { mediaNodeUrlSource } from './modules/live/media-node-urls.js';
import { loansRoutes } from './modules/loans/loans.routes.js';
import { ombudsmanRoutes } from './modules/ombudsman/ombudsman.routes.js';
import { createMetrics } from './modules/ops/metrics.js';
import { opsRoutes } from './modules/ops/ops.routes.js';
import { partnersRoutes } from './modules/partners/partners.routes.js';
import { playbackRoutes } from './modules/playback/playback.routes.js';
import { policeReportsRoutes } from './modules/police-reports/police-reports.routes.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { protectionRoutes } from './modules/protection/protection.routes.js';
import { routeCameraGrant } from './modules/protection/route-grant.js';
import { ptzRoutes } from './modules/ptz/ptz.routes.js';
import { recordingsRoutes } from './modules/recordings/recordings.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { releasesRoutes } from './modules/releases/releases.routes.js';
import { sanctionsRoutes } from './modules/sanctions/sanctions.routes.js';
import { securityUnitsRoutes } from './modules/security-units/security-units.routes.js';
import { serviceRatingsRoutes } from './modules/service-ratings/service-ratings.routes.js';
import { signageRoutes } from './modules/signage/signage.routes.js';
import { vehicleRecordsRoutes } from './modules/vehicle-records/vehicle-records.routes.js';
import { viewChangeRoutes } from './modules/view-change/view-change.routes.js';
import { warrantsRoutes } from './modules/warrants/warrants.routes.js';

export type { AppDeps } from './http/app-deps.js';

export type App = FastifyInstance & { routeRegistry: RegisteredRoute[] };

/** Builds the HTTP application. Each domain module contributes its routes; none is implicit. */
export async function buildApp({ config, database, clock = systemClock }: Omit<AppDeps, 'clock'> & { clock?: Clock }): Promise<App> {
  const app = Fastify({
    logger: serverLoggerOptions(config.logLevel),
    trustProxy: trustProxyOption(config.trustedProxies),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const metrics = createMetrics();
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? 'not_found', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  // Background work of this process (deferred document renders) waits for quiet moments.
  const activity = new RequestActivity();
  activity.install(app);

  const mediaFallbackUrl = config.media.nodePublicUrl ?? `http://127.0.0.1:${config.media.nodePort}`;
  installSecurityHeaders(app, {
    production: config.production,
    mapTilesOrigin: config.mapTilesOrigin,
    mediaNodeUrls: mediaNodeUrlSource(database.db, mediaFallbackUrl),
  });
  await app.register(cookie);
  const registry = installGuard(app, {
    resolveSession: (token) => resolveSession(database.db, config.session, token),
    resolveCitizenSession: (token) => resolveCitizenSession(database.db, clock, token),
  });
  installErrorHandler(app);
  installControlCharacterGuard(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Vigia Mais MT API',
        version: '0.1.0',
        description: 'Plataforma aberta de videomonitoramento colaborativo — Decreto nº 1.522/2022 (MT).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vm_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const deps = { db: database.db, config, database, clock, metrics };
  // Protection teams watch and play back only the route cameras of their mission in progress.
  const routeCameras = routeCameraGrant(database.db);
  await app.register(opsRoutes(deps));
  await app.register(referenceRoutes());
  await app.register(authRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(auditScreenRoutes(deps));
  await app.register(partnersRoutes(deps));
  await app.register(filesRoutes(deps));
  await app.register(documentsRoutes(deps));
  await app.register(accreditationRoutes(deps));
  await app.register(camerasRoutes(deps));
  await app.register(cameraNvrRoutes(deps));
  await app.register(
    liveRoutes({
      db: database.db,
      tokenKey: await loadStreamTokenKey({ envKey: config.media.streamTokenKey, dataDir: config.dataDir }),
      grant: routeCameras,
    }),
  );
  await app.register(loansRoutes(deps));
  await app.register(accountabilityRoutes(deps));
  await app.register(inspectionsRoutes(deps));
  await app.register(complaintsRoutes(deps));
  await app.register(sanctionsRoutes(deps));
  await app.register(releasesRoutes(deps));
  await app.register(recordingsRoutes(deps));
  await app.register(exportsRoutes(deps));
  await app.register(healthRoutes(deps));
  await app.register(alertsRoutes(deps));
  await app.register(playbackRoutes({ ...deps, cameraGrant: routeCameras }));
  await app.register(privacyRoutes({ ...deps, cameraGrant: routeCameras }));
  await app.register(protectionRoutes(deps));
  await app.register(integrationsRoutes({ db: database.db, fallbackNodeUrl: mediaFallbackUrl }));
  await app.register(integratorsRoutes(deps));
  await app.register(signageRoutes(deps));
  await app.register(consoleRoutes(deps));
  await app.register(bookmarksRoutes(deps));
  await app.register(eventsRoutes(deps));
  await app.register(ptzRoutes(deps));
  await app.register(viewChangeRoutes(deps));
  await app.register(citizenAccountsRoutes(deps));
  const citizenDocuments = { storage: localFileStorage(config.dataDir), publicUrl: config.publicUrl };
  // Acts issued with a deferred render are rendered by this process after commit, each once no
  // request has been in flight for 20 ms (or after 1 s at most under sustained load).
  const documentRenders = new DocumentRenderQueue(database.db, citizenDocuments, {
    max: config.documents.renderQueue,
    log: app.log,
    yieldTo: () => activity.quiet({ quietMs: 20, maxWaitMs: 1000 }),
  });
  app.addHook('onClose', () => documentRenders.close());
  await app.register(criminalRecordRoutes(deps, documentRenders));
  await app.register(accidentCertificateRoutes(deps));
  await app.register(policeReportsRoutes(deps, documentRenders));
  await app.register(securityUnitsRoutes(deps));
  await app.register(ombudsmanRoutes(deps));
  await app.register(serviceRatingsRoutes(deps));
  // Anonymous lookups (arrest warrant, vehicle status): one shared per-address limit and the proof of work.
  const lookupGate = new PublicLookupGate(database.db, altchaFrom(config), config.citizen.lookupsPerMinute);
  app.addHook('onClose', () => lookupGate.flush());
  await app.register(warrantsRoutes(deps, { gate: lookupGate, personKeySecret: lookupPersonKey(config) }));
  await app.register(vehicleRecordsRoutes(deps, { gate: lookupGate }));
  const treasury = platformTreasury(config.fees);
  await app.register(
    identityCardRoutes({ db: database.db, clock, config, documents: citizenDocuments, treasury, identification: platformIdentification }),
  );
  await app.register(
    citizenFeesRoutes(
      {
        db: database.db,
        clock,
        config,
        documents: citizenDocuments,
        treasury,
        unlockers: { [IDENTITY_CARD_FEE]: (tx, fee, actor) => unlockAfterPayment(tx, fee, actor, clock.now()) },
      },
      citizenDocuments.storage,
    ),
  );
  await installWeb(app, config.webDist);

  return Object.assign(app, { routeRegistry: registry }) as unknown as App;
}
