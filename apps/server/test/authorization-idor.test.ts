import { randomUUID } from 'node:crypto';
import { nvrPresets, type Role } from '@vigia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { alerts } from '../src/db/tables/alerts.js';
import { cameraEvents } from '../src/db/tables/events.js';
import { selfTestBatches } from '../src/db/tables/integrators.js';
import { recordingSegments } from '../src/db/tables/recordings.js';
import { decide } from '../src/http/access.js';
import { seedSecurityRegionsIfEmpty } from '../src/modules/regions/regions.service.js';
import { A, api, CUIABA, JPEG, partnerFor, pointAt, readyDraft, regionIdOf, SINOP, staff, uploadId } from './accreditation.fixtures.js';
import { authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { pickedUpLoan, world } from './loans.fixtures.js';
import { releaseFixtures } from './releases.fixtures.js';

/**
 * Issue 6, "who sees what": the object-level half of the authorization matrix. Real objects are
 * made for partner A (camera, recordings, export, release request, application with its files and
 * generated documents, loan, accountability report, inspection, sanction, integrator grant...), then
 * every role of partner B, of another region or another requester calls every id-route with A's
 * ids. Nothing may answer 2xx: 404 where the role may use the route (the object is out of its
 * scope, so it "does not exist"), 403 where the role may not use the route at all.
 *
 * A new `:param` route fails this file until it is listed below, either as covered (with the ids
 * to try) or as not object-scoped (with the reason).
 */

let t: TestDatabase;
let app: App;
let adminSession: Session;
let ownerSession: Session;

type Ids = Record<string, string>;
const ids: Ids = {};
const hour = 3600_000;
const from = new Date(Date.now() - 3 * hour);
const to = new Date(from.getTime() + 4000);

/** Covered routes: how to fill their params with A's real objects, and a body that passes validation. */
const covered: Record<
  string,
  {
    fill: (i: Ids) => Record<string, string>;
    query?: () => string;
    headers?: Record<string, string>;
    tokenGated?: true;
    body?: (i: Ids) => unknown;
  }
> = {
  // cameras
  'GET /api/cameras/:id': { fill: (i) => ({ id: i.camA! }) },
  'PATCH /api/cameras/:id': { fill: (i) => ({ id: i.camA! }), body: () => ({ heading: 10 }) },
  'DELETE /api/cameras/:id': { fill: (i) => ({ id: i.camA! }) },
  'POST /api/cameras/:id/push-credentials': { fill: (i) => ({ id: i.camA! }) },
  'POST /api/cameras/:id/self-test': { fill: (i) => ({ id: i.camA! }) },
  'GET /api/cameras/:id/self-tests': { fill: (i) => ({ id: i.camA! }) },
  'GET /api/cameras/:id/self-tests/:testId/snapshot': { fill: (i) => ({ id: i.camA!, testId: i.selfTestA! }) },
  'GET /api/cameras/:id/privacy-masks': { fill: (i) => ({ id: i.camA! }) },
  'PUT /api/cameras/:id/privacy-masks': { fill: (i) => ({ id: i.camA! }), body: () => ({ polygons: [] }) },
  'GET /api/cameras/:id/nvr': { fill: (i) => ({ id: i.camA! }) },
  'PUT /api/cameras/:id/nvr': {
    fill: (i) => ({ id: i.camA! }),
    body: () => ({ preset: 'hikvision', urlTemplate: nvrPresets.hikvision, channel: 1 }),
  },
  'DELETE /api/cameras/:id/nvr': { fill: (i) => ({ id: i.camA! }) },
  // live, recordings, playback
  'POST /api/live/:cameraId/token': { fill: (i) => ({ cameraId: i.camA! }), body: () => ({ nonceHash: 'a'.repeat(64) }) },
  'POST /api/public/live/:cameraId/token': { fill: (i) => ({ cameraId: i.camA! }), body: () => ({ nonceHash: 'a'.repeat(64) }) },
  'GET /api/recordings/:cameraId/timeline': {
    fill: (i) => ({ cameraId: i.camA! }),
    query: () => `?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
  },
  'POST /api/recordings/:cameraId/verify': {
    fill: (i) => ({ cameraId: i.camA! }),
    body: () => ({ from: from.toISOString(), to: to.toISOString() }),
  },
  'POST /api/playback/:cameraId/token': {
    fill: (i) => ({ cameraId: i.camA! }),
    body: () => ({ from: from.toISOString(), to: to.toISOString(), reason: 'Tentativa fora do escopo.', nonceHash: 'a'.repeat(64) }),
  },
  'POST /api/playback/:cameraId/renew': {
    fill: (i) => ({ cameraId: i.camA! }),
    body: () => ({ nonceHash: 'a'.repeat(64), token: 'forged' }),
    tokenGated: true,
  },
  'GET /api/playback/:cameraId/media': {
    fill: (i) => ({ cameraId: i.camA! }),
    query: () => `?at=${encodeURIComponent(from.toISOString())}`,
    headers: { 'x-playback-token': 'forged', 'x-playback-nonce': 'a'.repeat(43) },
    tokenGated: true,
  },
  'POST /api/playback/:cameraId/nvr/token': {
    fill: (i) => ({ cameraId: i.camA! }),
    body: () => ({ from: from.toISOString(), to: to.toISOString(), reason: 'Tentativa fora do escopo.', nonceHash: 'a'.repeat(64) }),
  },
  'POST /api/playback/:cameraId/end': { fill: (i) => ({ cameraId: i.camA! }), body: () => ({ playbackId: randomUUID() }) },
  'POST /api/playback/:cameraId/snapshot': {
    fill: (i) => ({ cameraId: i.camA! }),
    body: () => ({ at: from.toISOString(), playbackId: randomUUID() }),
  },
  'POST /api/alerts/:id/ack': { fill: (i) => ({ id: i.alertA! }) },
  'GET /api/events/:id': { fill: (i) => ({ id: i.eventA! }) },
  'GET /api/events/:id/images/:which': { fill: (i) => ({ id: i.eventA!, which: 'current' }) },
  'GET /api/ptz/:cameraId': { fill: (i) => ({ cameraId: i.camA! }) },
  'POST /api/ptz/:cameraId/lock': { fill: (i) => ({ cameraId: i.camA! }) },
  'DELETE /api/ptz/:cameraId/lock': { fill: (i) => ({ cameraId: i.camA! }) },
  'POST /api/ptz/:cameraId/move': { fill: (i) => ({ cameraId: i.camA! }), body: () => ({ pan: 1, tilt: 0, zoom: 0 }) },
  'POST /api/ptz/:cameraId/stop': { fill: (i) => ({ cameraId: i.camA! }) },
  'POST /api/ptz/:cameraId/home': { fill: (i) => ({ cameraId: i.camA! }) },
  'POST /api/ptz/:cameraId/presets': { fill: (i) => ({ cameraId: i.camA! }), body: () => ({ name: 'Fora do escopo' }) },
  'POST /api/ptz/:cameraId/presets/:token/goto': { fill: (i) => ({ cameraId: i.camA!, token: '1' }) },
  'DELETE /api/ptz/:cameraId/presets/:token': { fill: (i) => ({ cameraId: i.camA!, token: '1' }) },
  'GET /api/ptz/:cameraId/approved-preset': { fill: (i) => ({ cameraId: i.camA! }) },
  'PUT /api/ptz/:cameraId/approved-preset': { fill: (i) => ({ cameraId: i.camA! }), body: () => ({ token: '1' }) },
  // exports
  'GET /api/exports/:id': { fill: (i) => ({ id: i.exportA! }) },
  'GET /api/exports/:id/download': { fill: (i) => ({ id: i.exportA! }) },
  // release requests
  'GET /api/releases/:id': { fill: (i) => ({ id: i.releaseA! }) },
  'POST /api/releases/:id/notes': {
    fill: (i) => ({ id: i.releaseA! }),
    body: () => ({ availability: 'not_checked', text: 'Tentativa de instrução fora do escopo.' }),
  },
  'POST /api/releases/:id/decision': {
    fill: (i) => ({ id: i.releaseA! }),
    body: () => ({ decision: 'denied', reasons: 'Tentativa de decisão fora do escopo de quem chama.' }),
  },
  'POST /api/releases/:id/close': {
    fill: (i) => ({ id: i.releaseA! }),
    body: () => ({ reason: 'Tentativa de encerramento fora do escopo.' }),
  },
  'GET /api/releases/:id/documents/:docId': { fill: (i) => ({ id: i.releaseA!, docId: i.releaseDocA! }) },
  'GET /api/releases/:id/delivery/:deliveryId/download': { fill: (i) => ({ id: i.releaseA!, deliveryId: i.releaseDeliveryA! }) },
  'POST /api/releases/:id/delivery/:deliveryId/retry': { fill: (i) => ({ id: i.releaseA!, deliveryId: i.releaseDeliveryA! }) },
  // files and integrator grants
  'GET /api/files/:id': { fill: (i) => ({ id: i.fileA! }) },
  'POST /api/partner/integrators/:id/revoke': { fill: (i) => ({ id: i.integratorGrantA! }) },
  // applications, their files and generated documents, RISP opinions
  'GET /api/accreditation/applications/:id': { fill: (i) => ({ id: i.appA! }) },
  'GET /api/accreditation/applications/:id/history': { fill: (i) => ({ id: i.appA! }) },
  'GET /api/accreditation/applications/:id/generated-documents/:docId': { fill: (i) => ({ id: i.appA!, docId: i.appDocA! }) },
  'GET /api/accreditation/applications/:id/files/:fileId': { fill: (i) => ({ id: i.appA!, fileId: i.appFileA! }) },
  'PATCH /api/accreditation/applications/:id': { fill: (i) => ({ id: i.draftA! }), body: () => ({ propertyOwnership: 'own' }) },
  'PUT /api/accreditation/applications/:id/camera-points': {
    fill: (i) => ({ id: i.draftA! }),
    body: () => ({ points: [pointAt(CUIABA)] }),
  },
  'POST /api/accreditation/applications/:id/documents': {
    fill: (i) => ({ id: i.draftA! }),
    body: (i) => ({ requirementKey: 'applicant.identity', fileId: i.fileA! }),
  },
  'POST /api/accreditation/applications/:id/submit': { fill: (i) => ({ id: i.draftA! }) },
  'POST /api/accreditation/applications/:id/deficiency-response': {
    fill: (i) => ({ id: i.appA! }),
    body: () => ({ answers: [{ itemId: randomUUID(), answer: 'Tentativa de resposta fora do escopo.' }] }),
  },
  'POST /api/accreditation/applications/:id/direct-handling': { fill: (i) => ({ id: i.appA! }) },
  'POST /api/accreditation/applications/:id/start-analysis': { fill: (i) => ({ id: i.appA! }) },
  'PUT /api/accreditation/applications/:id/checklist': {
    fill: (i) => ({ id: i.appA! }),
    body: () => ({ items: [{ itemKey: 'documents.identity', verdict: 'ok' }] }),
  },
  'POST /api/accreditation/applications/:id/technical-visits': {
    fill: (i) => ({ id: i.appA! }),
    body: () => ({ scheduledFor: to.toISOString(), place: 'Sede' }),
  },
  'POST /api/accreditation/applications/:id/technical-visits/:visitId/findings': {
    fill: (i) => ({ id: i.appA!, visitId: randomUUID() }),
    body: () => ({ findings: 'Tentativa fora do escopo.' }),
  },
  'POST /api/accreditation/applications/:id/deficiency-notices': {
    fill: (i) => ({ id: i.appA! }),
    body: () => ({ businessDays: 10, items: [{ description: 'Tentativa de notificação fora do escopo.' }] }),
  },
  'POST /api/accreditation/applications/:id/approve': {
    fill: (i) => ({ id: i.appA! }),
    body: () => ({ reason: 'Tentativa de aprovação fora do escopo territorial.' }),
  },
  'POST /api/accreditation/applications/:id/reject': {
    fill: (i) => ({ id: i.appA! }),
    body: () => ({ reason: 'Tentativa de rejeição fora do escopo territorial.' }),
  },
  'POST /api/accreditation/applications/:id/homologate': { fill: (i) => ({ id: i.appA! }) },
  'GET /api/accreditation/risp-opinions/:id/case': { fill: (i) => ({ id: i.opinionA! }) },
  'GET /api/accreditation/risp-opinions/:id/files/:fileId': { fill: (i) => ({ id: i.opinionA!, fileId: i.appFileA! }) },
  'GET /api/accreditation/risp-opinions/:id/generated-documents/:docId': { fill: (i) => ({ id: i.opinionA!, docId: i.appDocA! }) },
  'POST /api/accreditation/risp-opinions/:id': {
    fill: (i) => ({ id: i.opinionA! }),
    body: () => ({ favourable: true, reasons: 'Tentativa fora da região.' }),
  },
  // loans
  'GET /api/loans/:id': { fill: (i) => ({ id: i.loanA! }) },
  'GET /api/loans/:id/documents/:docId': { fill: (i) => ({ id: i.loanA!, docId: i.loanDocA! }) },
  'POST /api/loans/:id/pickup-schedule': {
    fill: (i) => ({ id: i.loanA! }),
    body: () => ({ pickupOn: '2030-01-07', personName: 'Fulano de Tal', personCpf: '52998224725' }),
  },
  'POST /api/loans/:id/pickup': { fill: (i) => ({ id: i.loanA! }) },
  'POST /api/loans/:id/return': { fill: (i) => ({ id: i.loanA! }) },
  'POST /api/loans/:id/incidents': {
    fill: (i) => ({ id: i.loanA! }),
    body: (i) => ({
      assetId: i.assetA!,
      kind: 'theft',
      occurredOn: new Date().toISOString().slice(0, 10),
      description: 'Tentativa de registro fora do escopo.',
      policeReportNumber: 'BO 123/2026',
    }),
  },
  'GET /api/loans/assets/:id': { fill: (i) => ({ id: i.assetA! }) },
  'POST /api/loans/assets/:id/status': { fill: (i) => ({ id: i.assetA! }), body: () => ({ status: 'available' }) },
  'POST /api/loans/incidents/:id/replace': { fill: () => ({ id: randomUUID() }) },
  'POST /api/loans/incidents/:id/close': { fill: () => ({ id: randomUUID() }) },
  // accountability
  'GET /api/accountability/reports/:id': { fill: (i) => ({ id: i.reportA! }) },
  'GET /api/accountability/reports/:id/files/:fileId': { fill: (i) => ({ id: i.reportA!, fileId: i.reportPhotoA! }) },
  'PUT /api/accountability/reports/:id': {
    fill: (i) => ({ id: i.reportA! }),
    body: () => ({ activities: 'a', results: 'b', photoFileIds: [] }),
  },
  'POST /api/accountability/reports/:id/submit': { fill: (i) => ({ id: i.reportA! }) },
  'POST /api/accountability/reports/:id/review': { fill: (i) => ({ id: i.reportA! }), body: () => ({ decision: 'approve', reasons: '' }) },
  // inspections (generated acts and photos of the partner's cooperation)
  'GET /api/inspections/:id': { fill: (i) => ({ id: i.inspectionA! }) },
  'GET /api/inspections/:id/files/:fileId': { fill: (i) => ({ id: i.inspectionA!, fileId: i.fileA! }) },
  'POST /api/inspections/:id/record': { fill: (i) => ({ id: i.inspectionA! }) },
  'POST /api/inspections/:id/follow-up/close': { fill: (i) => ({ id: i.inspectionA! }) },
  // console layouts and bookmarks (issue 17)
  'PUT /api/console/layouts/:id': {
    fill: (i) => ({ id: i.layoutA! }),
    body: () => ({ name: 'Tomado', scope: 'personal', grid: '1', cameras: [], tourSeconds: null }),
  },
  'DELETE /api/console/layouts/:id': { fill: (i) => ({ id: i.layoutA! }) },
  'GET /api/bookmarks/:id': { fill: (i) => ({ id: i.bookmarkA! }) },
  'PUT /api/bookmarks/:id/attachment': { fill: (i) => ({ id: i.bookmarkA! }), body: () => ({ evidenceLockId: null }) },
  // sanctions
  'GET /api/sanctions/:id': { fill: (i) => ({ id: i.sanctionA! }) },
  'GET /api/sanctions/:id/documents/:docId': { fill: (i) => ({ id: i.sanctionA!, docId: i.sanctionDocA! }) },
  'POST /api/sanctions/:id/defence': {
    fill: (i) => ({ id: i.sanctionA! }),
    body: () => ({ text: 'Defesa apresentada por quem não é parte.' }),
  },
  'POST /api/sanctions/:id/decide': {
    fill: (i) => ({ id: i.sanctionA! }),
    body: () => ({ decision: 'warning', reasons: 'Tentativa fora do escopo.' }),
  },
  // integrator portfolio (issue 18): company A's client, its camera and consent
  'GET /api/integrator/clients/:clientId': { fill: (i) => ({ clientId: i.clientA! }) },
  'POST /api/integrator/clients/:clientId/cameras': {
    fill: (i) => ({ clientId: i.clientA! }),
    body: () => ({
      name: 'Câmera fora do escopo',
      kind: 'partner_own',
      host: 'fora-do-escopo.ddns.net',
      rtspPort: 40554,
      httpPort: 40580,
      rtspPath: '/stream',
      latitude: -15.6,
      longitude: -56.1,
      municipalityIbge: CUIABA,
      heading: 0,
      fieldOfView: 90,
      mounting: 'facade',
    }),
  },
  'POST /api/integrator/clients/:clientId/consents': {
    fill: (i) => ({ clientId: i.clientA! }),
    body: (i) => ({ cameraIds: [i.clientCamA!], means: 'email_link' }),
  },
  'POST /api/integrator/consents/:id/signed-term': {
    fill: (i) => ({ id: i.consentA! }),
    body: (i) => ({ signedFileId: i.fileA!, signerName: 'Assinante fora do escopo' }),
  },
  'GET /api/integrator/consents/:id/term': { fill: (i) => ({ id: i.consentA! }) },
  'POST /api/partner/camera-sharing/:id/revoke': { fill: (i) => ({ id: i.consentA! }) },
  'GET /api/integrator/self-test-batches/:id': { fill: (i) => ({ id: i.batchA! }) },
  // signage plates (issue 18)
  'GET /api/signage-plates/:cameraId/artwork': { fill: (i) => ({ cameraId: i.camA! }) },
  'GET /api/signage-plates/:cameraId/photo': { fill: (i) => ({ cameraId: i.camA! }) },
  'POST /api/signage-plates/:cameraId/photo': {
    fill: (i) => ({ cameraId: i.camA! }),
    body: (i) => ({ fileId: i.fileA!, latitude: -15.6, longitude: -56.1 }),
  },
};

/** `:param` routes deliberately not walked here, with the reason. */
/** Protection missions have their own need-to-know scope (no partner/region): IDOR and closure are tested in protection.test.ts. */
const PROTECTION =
  'protection_staff need-to-know scope, not partner/region: IDOR in protection.test.ts ("IDOR —", "Access ends at closure")';

const notObjectScoped: Record<string, string> = {
  'POST /api/accreditation/identity-changes/:id/decide':
    'committee members only (statewide): identity-change requests of every partner; role-gated in authorization-matrix.test.ts',
  'POST /api/admin/users/:id/suspend': 'administrators only (statewide); role-gated in authorization-matrix.test.ts',
  'POST /api/admin/users/:id/reactivate': 'administrators only (statewide)',
  'POST /api/admin/users/:id/misuse': 'administrators only (statewide)',
  'DELETE /api/admin/areas-of-interest/:id': 'administrators only (statewide)',
  'POST /api/admin/privacy-unmask/:id/revoke': 'administrators only (statewide)',
  'PATCH /api/admin/integrations/:id': 'administrators only (statewide): VMS integrations of the CIOSP',
  'POST /api/admin/integrations/:id/rotate': 'administrators only (statewide)',
  'POST /api/admin/integrations/:id/revoke': 'administrators only (statewide)',
  'POST /api/accreditation/cooperation-terms/:id/sign': 'administrators only (statewide)',
  'POST /api/accreditation/cooperation-terms/:id/end': 'administrators only (statewide)',
  'GET /api/public/documents/:code': 'public by design: authenticity check by printed code, metadata and hash only',
  'GET /api/public/complaints/:protocol': 'public by design: status by the protocol the complainant holds',
  'GET /api/complaints/:id': 'complaints are handled by statewide staff only (committee, admin, auditor); no partner/region scope',
  'POST /api/complaints/:id/triage': 'statewide staff only (committee, admin)',
  'POST /api/complaints/:id/outcome': 'statewide staff only (committee, admin)',
  'POST /api/sanctions/cases/:id/close': 'statewide staff only (committee, admin)',
  'POST /api/cameras/:id/public-access/decision':
    'the committee only (statewide): approves partners’ requests to open cameras to the public',
  'POST /api/signage-plates/:cameraId/decision': 'the committee only (statewide): approves plate installation photos of every site',
  'GET /api/protection/missions/:id': PROTECTION,
  'POST /api/protection/missions/:id/assessment': PROTECTION,
  'POST /api/protection/missions/:id/activation': PROTECTION,
  'POST /api/protection/missions/:id/level': PROTECTION,
  'POST /api/protection/missions/:id/plan/issue': PROTECTION,
  'POST /api/protection/missions/:id/core-intelligence': PROTECTION,
  'POST /api/protection/missions/:id/convocations': PROTECTION,
  'POST /api/protection/missions/:id/start': PROTECTION,
  'POST /api/protection/missions/:id/log': PROTECTION,
  'POST /api/protection/missions/:id/report': PROTECTION,
  'POST /api/protection/missions/:id/close': PROTECTION,
  'POST /api/protection/missions/:id/period': PROTECTION,
  'PUT /api/protection/missions/:id/vehicles': PROTECTION,
  'PUT /api/protection/missions/:id/plan': PROTECTION,
  'POST /api/protection/missions/:id/convocations/:convocationId/acknowledge': PROTECTION,
  'POST /api/protection/missions/:id/convocations/:convocationId/present': PROTECTION,
  'POST /api/protection/missions/:id/convocations/:convocationId/checklist': PROTECTION,
  'GET /api/protection/missions/:id/acts/:actId/pdf': PROTECTION,
  'GET /api/protection/missions/:id/route-mosaic': PROTECTION,
  'POST /api/protection/missions/:id/current-leg': PROTECTION,
  'GET /api/citizen/criminal-certificates/:id/pdf':
    'citizen session (not staff): own certificates only, another citizen gets 404 (citizen-criminal-record.test.ts)',
  'POST /api/citizen/criminal-certificates/:id/consent-links':
    'citizen session (not staff): own certificates only, another citizen gets 404 (citizen-criminal-record.test.ts)',
  'POST /api/citizen/consent-links/:id/revoke':
    'citizen session (not staff): own consent links only, another citizen gets 404 (citizen-criminal-record.test.ts)',
  'GET /api/public/criminal-certificates/:code': 'public by design: certificate check by printed code, masked CPF only',
  'GET /api/public/consent/:token': 'public by design: the consent token the citizen gave is the capability',
  'POST /api/criminal-certificates/:id/decision': 'Politec staff only (statewide analysis queue)',
  'POST /api/criminal-records/:id/status': 'Politec staff only (statewide records base)',
  'GET /api/public/identity-cards/:protocol': 'public by design: stage and post by the protocol the citizen holds',
  'POST /api/identity-cards/:id/stage': 'Politec staff only (statewide identification)',
  'POST /api/identity-cards/:id/exemption': 'Politec staff only (statewide identification)',
  'GET /api/citizen/fees/:id/slip': 'citizen session (not staff): own fees only, another citizen gets 404 (citizen-identity-card.test.ts)',
  'POST /api/citizen/fees/:id/reissue':
    'citizen session (not staff): own fees only, another citizen gets 404 (citizen-identity-card.test.ts)',
  'POST /api/fees/:id/confirm': 'Politec staff and administrators (statewide manual payment confirmation)',
  'GET /api/citizen/accident-certificates/:id':
    'citizen session (not staff): own declarations only, another citizen gets 404 (citizen-accident-certificate.test.ts)',
  'PUT /api/citizen/accident-certificates/:id':
    'citizen session (not staff): own declarations only, another citizen gets 404 (citizen-accident-certificate.test.ts)',
  'GET /api/citizen/accident-certificates/:id/pdf':
    'citizen session (not staff): own certificates only, another citizen gets 404 (citizen-accident-certificate.test.ts)',
  'POST /api/citizen/accident-participations/:id/confirm':
    'citizen session (not staff): only a party named by the citizen’s CPF, anyone else gets 404 (citizen-accident-certificate.test.ts)',
  'GET /api/public/accident-certificates/:code': 'public by design: certificate check by printed code, masked CPFs only',
  'GET /api/accident-certificates/:id': 'traffic police only (statewide queue)',
  'GET /api/accident-certificates/:id/photos/:fileId': 'traffic police only (statewide queue); the photo must belong to the declaration',
  'POST /api/accident-certificates/:id/decision': 'traffic police only (statewide queue)',
  'PUT /api/citizen/police-reports/:id': 'citizen-owned: another citizen gets 404 (police-reports.test.ts)',
  'POST /api/citizen/police-reports/:id/submit': 'citizen-owned: another citizen gets 404 (police-reports.test.ts)',
  'GET /api/citizen/police-reports/:id': 'citizen-owned: another citizen gets 404 (police-reports.test.ts)',
  'POST /api/citizen/police-reports/:id/messages': 'citizen-owned: another citizen gets 404 (police-reports.test.ts)',
  'GET /api/citizen/police-reports/:id/pdf': 'citizen-owned: another citizen gets 404 (police-reports.test.ts)',
  'GET /api/public/police-reports/:code': 'public by design: police report check by printed code, number, kind, station and date only',
  'GET /api/police-reports/:id': 'civil police; a grant naming a municipality reaches only its stations, else 404 (police-reports.test.ts)',
  'GET /api/police-reports/:id/attachments/:fileId':
    'civil police; a grant naming a municipality reaches only its stations, else 404 (police-reports.test.ts); the file must belong to the report',
  'POST /api/police-reports/:id/decision':
    'civil police; a grant naming a municipality reaches only its stations, else 404 (police-reports.test.ts)',
  'POST /api/police-reports/:id/messages':
    'civil police; a grant naming a municipality reaches only its stations, else 404 (police-reports.test.ts)',
  'POST /api/police-reports/:id/protective-measure':
    'civil police; a grant naming a municipality reaches only its stations, else 404 (police-reports.test.ts)',
  'POST /api/police-reports/:id/vehicle-recovery':
    'civil police; a grant naming a municipality reaches only its stations, else 404 (police-reports.test.ts)',
  'POST /api/warrants/:id/status': 'civil police only (statewide warrant store, maintained by the civil police)',
  'PUT /api/vehicle-records/:id': 'civil police only (statewide vehicle store, maintained by the civil police)',
  'PUT /api/security-units/:id':
    'administrators only (statewide): the public directory of security units; non-admins refused in security-units.test.ts',
  'DELETE /api/security-units/:id': 'administrators only (statewide): the public directory of security units',
  'GET /api/public/ombudsman/manifestations/:protocol':
    'public by design: needs the protocol and its access code; a wrong pair answers 404 (ombudsman.test.ts)',
  'POST /api/public/ombudsman/manifestations/:protocol/messages':
    'public by design: needs the protocol and its access code; a wrong pair answers 404 (ombudsman.test.ts)',
  'GET /api/citizen/ombudsman/manifestations/:id':
    'citizen session (not staff): own manifestations only, another citizen gets 404 (ombudsman.test.ts)',
  'POST /api/citizen/ombudsman/manifestations/:id/messages':
    'citizen session (not staff): own manifestations only, another citizen gets 404 (ombudsman.test.ts)',
  'GET /api/ombudsman/manifestations/:id': 'ombudsman staff only (statewide queue)',
  'POST /api/ombudsman/manifestations/:id/route': 'ombudsman staff only (statewide queue)',
  'POST /api/ombudsman/manifestations/:id/extend': 'ombudsman staff only (statewide queue)',
  'POST /api/ombudsman/manifestations/:id/answer': 'ombudsman staff only (statewide queue)',
  'POST /api/ombudsman/manifestations/:id/messages': 'ombudsman staff only (statewide queue)',
  'GET /api/ombudsman/unit/manifestations/:id':
    'only what is routed to one of the caller’s units; another unit gets 404 (ombudsman.test.ts)',
  'POST /api/ombudsman/unit/manifestations/:id/answer':
    'only what is routed to one of the caller’s units; another unit gets 404 (ombudsman.test.ts)',
  'POST /api/ombudsman/unit/manifestations/:id/extend':
    'only what is routed to one of the caller’s units; another unit gets 404 (ombudsman.test.ts)',
};

/** GET routes whose control read is not a plain 200 for the admin, and why. */
const controlExceptions: Record<string, string> = {
  'GET /api/files/:id': 'an upload is readable by the account that uploaded it (controlled with partner A below)',
  'GET /api/cameras/:id/self-tests/:testId/snapshot': 'the self-test row is real but its JPEG is not on disk in this test',
  'GET /api/inspections/:id/files/:fileId': 'the inspection is real but has no photos until recorded',
  'GET /api/signage-plates/:cameraId/photo': 'the site is real but has no installation photo until its partner sends one',
  'GET /api/exports/:id/download': 'the export job is real (GET /api/exports/:id passes) but not built: 409 EXPORT_NOT_READY',
  'GET /api/playback/:cameraId/media': 'needs a playback token bound to the camera',
  'GET /api/ptz/:cameraId': 'the camera is real but its DDNS name does not resolve here: 502 PTZ_DEVICE_FAILED past the scope check',
  'GET /api/ptz/:cameraId/approved-preset':
    'the same camera: 502 PTZ_DEVICE_FAILED past the scope check (its DDNS name does not resolve here)',
  'GET /api/events/:id/images/:which': 'the event is real (GET /api/events/:id passes) but a camera_down event has no pictures',
};

/** Sessions that must never reach A's objects. */
const attackers: { label: string; role: Role; session?: Session }[] = [
  { label: 'partner_user of partner B', role: 'partner_user' },
  { label: 'integrator authorised by partner B', role: 'integrator' },
  { label: 'regional_operator of the Sinop region', role: 'regional_operator' },
  { label: 'operator whose area is Sinop', role: 'operator' },
  { label: 'municipal_manager of Sinop', role: 'municipal_manager' },
  { label: 'risp_coordinator of the Sinop region', role: 'risp_coordinator' },
  { label: 'another external_requester', role: 'external_requester' },
];

const send = (s: Session, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: { ...authHeaders(s), ...headers },
    ...(method === 'GET' || method === 'DELETE' ? {} : { payload: (payload ?? {}) as object }),
  });

function inTwoYears(): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return d.toISOString().slice(0, 10);
}

async function must(res: { statusCode: number; body: string; json(): unknown }, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedSecurityRegionsIfEmpty(t.database.db);
  app = await testApp(t.database, t.dataDir);
  const f = releaseFixtures({ t, app });
  const sinopRegion = (await regionIdOf(t.database, SINOP))!;
  const cuiabaRegion = (await regionIdOf(t.database, CUIABA))!;
  const admin = await staff(app, t.database, ['admin']);
  adminSession = admin;

  // Partner A (Cuiabá) with an active cooperation term, its committee and admin.
  const w = await world(app, t.database);
  const a = w.session;
  ownerSession = a;
  ids.camA = await f.camera(w.partner.id, 'cuiaba', { name: 'Câmera privada de A' });
  ids.fileA = await uploadId(app, a);

  // Recordings of A's camera (index rows are enough for the timeline and export job).
  for (let i = 0; i < 2; i++) {
    await t.database.db.insert(recordingSegments).values({
      cameraId: ids.camA,
      seq: i + 1,
      nodeId: 'test',
      storageKey: `${ids.camA}/seg-${i}.mp4`,
      startAt: new Date(from.getTime() + i * 2000),
      endAt: new Date(from.getTime() + (i + 1) * 2000),
      sizeBytes: 10,
      closedAt: new Date(),
    });
  }
  const [alert] = await t.database.db
    .insert(alerts)
    .values({ kind: 'camera_down', cameraId: ids.camA, partnerId: w.partner.id, outageId: randomUUID(), message: 'Câmera de A fora do ar' })
    .returning();
  ids.alertA = alert!.id;
  const [event] = await t.database.db
    .insert(cameraEvents)
    .values({ kind: 'camera_down', cameraId: ids.camA, occurredAt: from })
    .returning();
  ids.eventA = event!.id;
  const { cameraSelfTests } = await import('../src/db/tables/cameras.js');
  ids.selfTestA = randomUUID();
  await t.database.db.insert(cameraSelfTests).values({
    id: ids.selfTestA,
    cameraId: ids.camA,
    startedAt: from,
    finishedAt: from,
    ok: true,
    steps: [],
    snapshotFile: `${ids.camA}.jpg`,
  });

  // An export by an operator of the Cuiabá region.
  const opCuiaba = await f.user(['regional_operator'], { securityRegionId: cuiabaRegion });
  ids.exportA = (
    await must(
      await send(opCuiaba.session, 'POST', '/api/exports', {
        cameraIds: [ids.camA],
        from: from.toISOString(),
        to: to.toISOString(),
        reason: 'Apuração de ocorrência registrada no CIOSP',
        caseNumber: 'BO 1/2026',
      }),
      'export',
    )
  ).id;
  // A bookmark and a console layout of that operator (issue 17).
  const bookmark = await send(opCuiaba.session, 'POST', '/api/bookmarks', {
    cameraId: ids.camA,
    from: from.toISOString(),
    to: to.toISOString(),
    title: 'Marcador de A',
  });
  if (bookmark.statusCode !== 201) throw new Error(`bookmark: ${bookmark.body}`);
  ids.bookmarkA = bookmark.json().id;
  const layout = await send(opCuiaba.session, 'POST', '/api/console/layouts', {
    name: 'Layout de A',
    scope: 'personal',
    grid: '2x2',
    cameras: [ids.camA],
    tourSeconds: null,
  });
  if (layout.statusCode !== 201) throw new Error(`layout: ${layout.body}`);
  ids.layoutA = layout.json().id;

  // A release request by requester A, with a decision act.
  const requesterA = await f.user(['external_requester']);
  const committee = await f.user(['committee_member']);
  const authority = await f.user(['release_authority']);
  const release = await must(
    await send(requesterA.session, 'POST', '/api/releases', {
      requesterKind: 'police_authority',
      requesterName: 'Dra. Helena Prado',
      requesterRole: 'Delegada de Polícia',
      requesterOrganisation: 'Polícia Civil',
      legalGrounds: 'Inquérito policial que apura roubo a transeunte ocorrido na via em frente à câmera, no período indicado.',
      caseNumber: 'IP 1/2026',
      cameraIds: [ids.camA],
      from: from.toISOString(),
      to: to.toISOString(),
      urgency: 'urgent',
    }),
    'release',
  );
  ids.releaseA = release.id;
  await must(
    await send(committee.session, 'POST', `/api/releases/${release.id}/notes`, {
      availability: 'not_checked',
      text: 'Câmera ativa no período.',
      concludeInstruction: true,
    }),
    'notes',
  );
  const rel = (await must(
    await send(authority.session, 'POST', `/api/releases/${release.id}/decision`, {
      decision: 'denied',
      reasons: 'Período fora do alcance da gravação desta câmera.',
    }),
    'decision',
  )) as unknown as { documents: { id: string }[] };
  ids.releaseDocA = rel.documents[0]!.id;
  // A denial has no delivery: the delivery id is a fresh one (the route is requester-only and scoped by the request first).
  ids.releaseDeliveryA = randomUUID();

  // Partner A grants an integrator.
  const itA = await makeUser(t.database, ['integrator']);
  ids.integratorGrantA = (
    await must(await api(app, a).post('/api/partner/integrators', { integratorEmail: itA.email, validUntil: inTwoYears() }), 'grant')
  ).id;

  // Partner A as an integrator company (issue 18): a client, its camera and a pending signed-term consent.
  const companyA = await signIn(app, (await makeUser(t.database, ['integrator'], { partnerId: w.partner.id })).email);
  const clientA = await must(
    await send(companyA, 'POST', '/api/integrator/clients', {
      kind: 'individual',
      name: 'Cliente de A',
      document: '52998224725',
      email: 'cliente-a@exemplo.com.br',
      municipalityIbge: CUIABA,
    }),
    'client',
  );
  ids.clientA = clientA.partnerId as string;
  const clientCam = await send(companyA, 'POST', `/api/integrator/clients/${ids.clientA}/cameras`, {
    name: 'Fachada do cliente de A',
    kind: 'partner_own',
    host: 'cliente-a.ddns.net',
    rtspPort: 40554,
    httpPort: 40580,
    rtspPath: '/stream',
    latitude: -15.6,
    longitude: -56.1,
    municipalityIbge: CUIABA,
    heading: 0,
    fieldOfView: 90,
    mounting: 'facade',
  });
  if (clientCam.statusCode !== 201) throw new Error(`client camera: ${clientCam.body}`);
  ids.clientCamA = clientCam.json().id;
  ids.consentA = (
    await must(
      await send(companyA, 'POST', `/api/integrator/clients/${ids.clientA}/consents`, {
        cameraIds: [ids.clientCamA!],
        means: 'signed_term',
      }),
      'consent',
    )
  ).id;

  const [batchA] = await t.database.db
    .insert(selfTestBatches)
    .values({ integratorPartnerId: w.partner.id, cameraIds: [ids.clientCamA!], requestedBy: randomUUID(), startedAt: new Date() })
    .returning();
  ids.batchA = batchA!.id;

  // Applications of partner A: a draft and a submitted one in analysis (with a RISP opinion).
  const accA = await partnerFor(app, 'company', CUIABA);
  ids.draftA = (await readyDraft(app, accA.session)).id;
  const submitted = await readyDraft(app, accA.session);
  await must(await api(app, accA.session).post(`${A}/applications/${submitted.id}/submit`, {}), 'submit');
  const started = await must(
    await api(app, await staff(app, t.database, ['committee_member'])).post(`${A}/applications/${submitted.id}/start-analysis`),
    'start-analysis',
  );
  ids.appA = submitted.id;
  ids.opinionA = (started.rispOpinions as { id: string }[])[0]!.id;
  ids.appDocA = (started.generatedDocuments as { id: string }[])[0]!.id;
  ids.appFileA = (started.documents as { fileId: string | null }[]).find((d) => d.fileId)!.fileId!;

  // Obligations of partner A: loan, accountability report, inspection, sanction.
  const loan = await pickedUpLoan(w);
  ids.loanA = loan.id;
  ids.assetA = loan.assets[0]!.id;
  ids.loanDocA = ((loan.loan as { documents?: { id: string }[] }).documents ?? [])[0]?.id ?? randomUUID();
  const photo = await uploadId(app, a, JPEG, 'foto.jpg');
  const report = await must(
    await w.committee.post('/api/accountability/reports', {
      termId: w.term.id,
      kind: 'requested',
      dueOn: '2099-02-01',
      reason: 'Prestação de contas semestral.',
    }),
    'report',
  );
  await must(
    await w.partnerApi.put(`/api/accountability/reports/${report.id}`, {
      activities: 'Monitoramento da praça.',
      results: 'Ocorrências esclarecidas.',
      photoFileIds: [photo],
    }),
    'report save',
  );
  ids.reportA = report.id;
  ids.reportPhotoA = photo;
  ids.inspectionA = (
    await must(
      await w.committee.post('/api/inspections', {
        termId: w.term.id,
        kind: 'scheduled',
        scheduledFor: '2099-12-03T13:00:00Z',
        place: 'Sede do parceiro',
      }),
      'inspection',
    )
  ).id;
  const sanction = await must(
    await w.committee.post('/api/sanctions', {
      termId: w.term.id,
      facts: 'Câmeras cedidas desligadas há mais de 60 dias, sem comunicação à SESP.',
    }),
    'sanction',
  );
  ids.sanctionA = sanction.id;
  ids.sanctionDocA = (sanction.documents as { id: string }[])[0]!.id;

  // The attackers: partner B and its integrator, Sinop's region/municipality/RISP, another requester.
  const b = await partnerFor(app, 'company', CUIABA);
  const itB = await makeUser(t.database, ['integrator']);
  await must(
    await api(app, b.session).post('/api/partner/integrators', { integratorEmail: itB.email, validUntil: inTwoYears() }),
    'grant B',
  );
  const opSinop = await makeUser(t.database, ['operator'], { unit: 'civil_police' });
  await must(
    await send(admin, 'POST', '/api/admin/areas-of-interest', {
      userId: opSinop.id,
      label: 'Sinop',
      kind: 'municipality',
      municipalityIbge: SINOP,
    }),
    'area',
  );
  const sessions: Record<Role, () => Promise<Session>> = {
    partner_user: async () => b.session,
    integrator: () => signIn(app, itB.email),
    regional_operator: () => staff(app, t.database, ['regional_operator'], { securityRegionId: sinopRegion }),
    operator: () => signIn(app, opSinop.email),
    municipal_manager: () => staff(app, t.database, ['municipal_manager'], { municipalityIbge: SINOP }),
    risp_coordinator: () => staff(app, t.database, ['risp_coordinator'], { securityRegionId: sinopRegion }),
    external_requester: async () => (await f.user(['external_requester'])).session,
  } as Record<Role, () => Promise<Session>>;
  for (const at of attackers) at.session = await sessions[at.role]();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const idRoutes = () => app.routeRegistry.filter((r) => /:\w+/.test(r.url));

describe('IDOR: partner B, another region and another requester against partner A’s objects', () => {
  it('every id-route is covered here or declared not object-scoped', () => {
    const unlisted = idRoutes()
      .map(key)
      .filter((k) => !(k in covered) && !(k in notObjectScoped));
    expect(unlisted, 'new :param routes must be added to authorization-idor.test.ts').toEqual([]);
    const stale = [...Object.keys(covered), ...Object.keys(notObjectScoped)].filter((k) => !idRoutes().some((r) => key(r) === k));
    expect(stale).toEqual([]);
  });

  it('every object id used is real', () => {
    const missing = Object.entries(ids)
      .filter(([, v]) => !v)
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('the ids are real: a statewide administrator reads them (control)', async () => {
    const notOk: string[] = [];
    for (const route of idRoutes().filter(
      (r) => r.method === 'GET' && key(r) in covered && decide(r.access, { stage: 'active', roles: ['admin'] }) === 'allow',
    )) {
      const c = covered[key(route)]!;
      const params = c.fill(ids);
      const url = route.url.replace(/:(\w+)/g, (_, p: string) => params[p]!) + (c.query?.() ?? '');
      const res = await send(adminSession, 'GET', url, undefined, c.headers);
      if (res.statusCode !== 200 && !controlExceptions[key(route)]) notOk.push(`${url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(notOk).toEqual([]);
    expect((await send(ownerSession, 'GET', `/api/files/${ids.fileA}`)).statusCode).toBe(200);
  });

  it('answers no 2xx: 404 when the role may use the route, 403 when it may not', async () => {
    const leaks: string[] = [];
    const unexpected: string[] = [];
    let calls = 0;
    // Destructive routes last, so that a leak in one does not hide another.
    const routes = idRoutes()
      .filter((r) => key(r) in covered)
      .sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
    for (const route of routes) {
      const c = covered[key(route)]!;
      const params = c.fill(ids);
      const url = route.url.replace(/:(\w+)/g, (_, p: string) => params[p] ?? `missing-${p}`) + (c.query?.() ?? '');
      for (const at of attackers) {
        const verdict = decide(route.access, { stage: 'active', roles: [at.role] });
        const res = await send(at.session!, route.method, url, c.body?.(ids), c.headers);
        calls++;
        const got = res.statusCode;
        const line = `${route.method} ${url} as ${at.label}: ${got} ${res.body.slice(0, 160)}`;
        if (got >= 200 && got < 300) leaks.push(line);
        else if (route.access.kind === 'public') {
          if (got !== 404 && got !== 403) unexpected.push(line);
        } else if (c.tokenGated && got === 403) {
          // Needs a playback token bound to this camera, which the attacker cannot obtain: refused as such.
        } else if (got !== (verdict === 'allow' ? 404 : 403)) unexpected.push(`expected ${verdict === 'allow' ? 404 : 403} — ${line}`);
      }
    }
    expect(calls).toBeGreaterThan(300);
    expect(leaks).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});
