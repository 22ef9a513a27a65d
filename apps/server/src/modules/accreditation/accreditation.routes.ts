import {
  applicationCreateRequestSchema,
  applicationDetailSchema,
  applicationHistorySchema,
  applicationSummarySchema,
  applicationUpdateRequestSchema,
  attachDocumentRequestSchema,
  cameraPointsRequestSchema,
  checklistRequestSchema,
  cooperationTermSchema,
  decisionRequestSchema,
  deficiencyNoticeRequestSchema,
  deficiencyResponseRequestSchema,
  directHandlingDecisionRequestSchema,
  endTermRequestSchema,
  homologationResultSchema,
  idParamSchema,
  rispCaseSchema,
  rispOpinionRequestSchema,
  rispOpinionSchema,
  signTermRequestSchema,
  submitApplicationRequestSchema,
  technicalVisitFindingsRequestSchema,
  technicalVisitScheduleRequestSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { acting, authOf } from '../../http/context.js';
import { sendFile } from '../../http/send-file.js';
import type { Clock } from '../calendar/clock.js';
import { localFileStorage } from '../files/file-storage.js';
import { accreditationPolicy as policy } from './accreditation.policy.js';
import { answerDeficiencyNotice } from './answer-deficiency-notice.js';
import { listApplications, loadDetail } from './application.repository.js';
import { downloadApplicationFile, downloadGeneratedDocument } from './application-files.js';
import { applicationHistory } from './application-history.js';
import { endCooperationTerm, listCooperationTerms, signCooperationTerm } from './cooperation-terms.js';
import { createApplication } from './create-application.js';
import { approveApplication, rejectApplication } from './decide-application.js';
import { decideDirectHandling } from './decide-direct-handling.js';
import type { AccreditationDeps } from './deps.js';
import { attachDocument, setCameraPoints, updateApplication } from './edit-application.js';
import { homologateApplication } from './homologate-application.js';
import { issueDeficiencyNotice } from './issue-deficiency-notice.js';
import { recordChecklist } from './record-checklist.js';
import { downloadRispAnnex, downloadRispPhoto, loadRispCase } from './risp-case.js';
import { giveRispOpinion, listRispOpinions } from './risp-opinion.js';
import { loadInScope, viewCondition } from './scope.js';
import { startAnalysis } from './start-analysis.js';
import { submitApplication } from './submit-application.js';
import { recordTechnicalVisit, scheduleTechnicalVisit } from './technical-visit.js';

const tags = ['accreditation'];
const base = '/api/accreditation';
const detail = { 200: applicationDetailSchema };

/** Routes stay thin: schema → access → one service call. Object scope lives in the services. */
export function accreditationRoutes(deps: { db: Db; config: Config; clock: Clock }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const svc: AccreditationDeps = { db: deps.db, clock: deps.clock, storage, publicUrl: deps.config.publicUrl };
  return async (app) => {
    app.get(`${base}/applications`, {
      config: { access: policy.listApplications },
      schema: {
        tags,
        summary: 'Applications in the caller scope (own, queue, or all for SESP)',
        response: { 200: z.object({ applications: z.array(applicationSummarySchema) }) },
      },
      handler: async (request) => ({ applications: await listApplications(deps.db, viewCondition(authOf(request))) }),
    });
    app.get(`${base}/applications/:id`, {
      config: { access: policy.viewApplication },
      schema: { tags, summary: 'Application detail', params: idParamSchema, response: detail },
      handler: async (request) => loadDetail(deps.db, await loadInScope(deps.db, viewCondition(authOf(request)), request.params.id)),
    });
    app.get(`${base}/applications/:id/history`, {
      config: { access: policy.applicationHistory },
      schema: {
        tags,
        summary: 'Case history from the audit trail (status changes, time, actor)',
        params: idParamSchema,
        response: { 200: applicationHistorySchema },
      },
      handler: async (request) => ({ events: await applicationHistory(deps.db, authOf(request), request.params.id) }),
    });
    app.get(`${base}/applications/:id/generated-documents/:docId`, {
      config: { access: policy.viewApplication },
      schema: { tags, summary: 'Download a generated act', params: z.object({ id: z.string().uuid(), docId: z.string().uuid() }) },
      handler: async (request, reply) =>
        sendFile(reply, await downloadGeneratedDocument(deps.db, storage, authOf(request), request.params.id, request.params.docId)),
    });
    app.get(`${base}/applications/:id/files/:fileId`, {
      config: { access: policy.downloadApplicationFile },
      schema: {
        tags,
        summary: 'Download a file attached to an application',
        params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
      handler: async (request, reply) =>
        sendFile(reply, await downloadApplicationFile(deps.db, storage, authOf(request), request.params.id, request.params.fileId)),
    });

    // partner
    app.post(`${base}/applications`, {
      config: { access: policy.createApplication },
      schema: {
        tags,
        summary: 'Open a draft application (always allowed, Art. 16 §4)',
        body: applicationCreateRequestSchema,
        response: detail,
      },
      handler: async (request) => createApplication(svc, acting(request), request.body),
    });
    app.patch(`${base}/applications/:id`, {
      config: { access: policy.updateApplication },
      schema: { tags, summary: 'Edit a draft', params: idParamSchema, body: applicationUpdateRequestSchema, response: detail },
      handler: async (request) => updateApplication(svc, acting(request), request.params.id, request.body),
    });
    app.put(`${base}/applications/:id/camera-points`, {
      config: { access: policy.setCameraPoints },
      schema: {
        tags,
        summary: 'Replace the executive project rows (Anexo 3)',
        params: idParamSchema,
        body: cameraPointsRequestSchema,
        response: detail,
      },
      handler: async (request) => setCameraPoints(svc, acting(request), request.params.id, request.body.points),
    });
    app.post(`${base}/applications/:id/documents`, {
      config: { access: policy.attachDocument },
      schema: {
        tags,
        summary: 'Attach an uploaded file to a required document',
        params: idParamSchema,
        body: attachDocumentRequestSchema,
        response: detail,
      },
      handler: async (request) => attachDocument(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/applications/:id/submit`, {
      config: { access: policy.submitApplication },
      schema: {
        tags,
        summary: 'Submit (documents per kind, lease, routing Art. 8)',
        params: idParamSchema,
        body: submitApplicationRequestSchema,
        response: detail,
      },
      handler: async (request) => submitApplication(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/applications/:id/deficiency-response`, {
      config: { access: policy.answerDeficiencyNotice },
      schema: {
        tags,
        summary: 'Answer each fault of the open deficiency notice (Art. 16 §2)',
        params: idParamSchema,
        body: deficiencyResponseRequestSchema,
        response: detail,
      },
      handler: async (request) => answerDeficiencyNotice(svc, acting(request), request.params.id, request.body.answers),
    });

    // committee / manager
    app.post(`${base}/applications/:id/direct-handling`, {
      config: { access: policy.decideDirectHandling },
      schema: {
        tags,
        summary: 'Accept or return a request for direct SESP handling (Art. 8 §2)',
        params: idParamSchema,
        body: directHandlingDecisionRequestSchema,
        response: detail,
      },
      handler: async (request) => decideDirectHandling(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/applications/:id/start-analysis`, {
      config: { access: policy.startAnalysis },
      schema: { tags, summary: 'Start the analysis; asks the RISP opinions (Art. 12)', params: idParamSchema, response: detail },
      handler: async (request) => startAnalysis(svc, acting(request), request.params.id),
    });
    app.put(`${base}/applications/:id/checklist`, {
      config: { access: policy.recordChecklist },
      schema: { tags, summary: 'Record checklist verdicts', params: idParamSchema, body: checklistRequestSchema, response: detail },
      handler: async (request) => recordChecklist(svc, acting(request), request.params.id, request.body.items),
    });
    app.post(`${base}/applications/:id/technical-visits`, {
      config: { access: policy.scheduleTechnicalVisit },
      schema: {
        tags,
        summary: 'Schedule a technical visit',
        params: idParamSchema,
        body: technicalVisitScheduleRequestSchema,
        response: detail,
      },
      handler: async (request) => scheduleTechnicalVisit(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/applications/:id/technical-visits/:visitId/findings`, {
      config: { access: policy.recordTechnicalVisit },
      schema: {
        tags,
        summary: 'Record the findings of a technical visit',
        params: z.object({ id: z.string().uuid(), visitId: z.string().uuid() }),
        body: technicalVisitFindingsRequestSchema,
        response: detail,
      },
      handler: async (request) =>
        recordTechnicalVisit(svc, acting(request), request.params.id, request.params.visitId, request.body.findings),
    });
    app.post(`${base}/applications/:id/deficiency-notices`, {
      config: { access: policy.issueDeficiencyNotice },
      schema: {
        tags,
        summary: 'Issue a deficiency notice (Art. 16 §2)',
        params: idParamSchema,
        body: deficiencyNoticeRequestSchema,
        response: detail,
      },
      handler: async (request) => issueDeficiencyNotice(svc, acting(request), request.params.id, request.body),
    });
    app.post(`${base}/applications/:id/approve`, {
      config: { access: policy.approveApplication },
      schema: { tags, summary: 'Approve (Art. 16 caput)', params: idParamSchema, body: decisionRequestSchema, response: detail },
      handler: async (request) => approveApplication(svc, acting(request), request.params.id, request.body.reason),
    });
    app.post(`${base}/applications/:id/reject`, {
      config: { access: policy.rejectApplication },
      schema: {
        tags,
        summary: 'Reject with reasons and archive (Art. 16 caput, §3)',
        params: idParamSchema,
        body: decisionRequestSchema,
        response: detail,
      },
      handler: async (request) => rejectApplication(svc, acting(request), request.params.id, request.body.reason),
    });

    // RISP
    app.get(`${base}/risp-opinions`, {
      config: { access: policy.listRispOpinions },
      schema: {
        tags,
        summary: 'Opinions asked of my security regions (Art. 12)',
        response: { 200: z.object({ opinions: z.array(rispOpinionSchema) }) },
      },
      handler: async (request) => ({ opinions: await listRispOpinions(deps.db, authOf(request)) }),
    });
    app.get(`${base}/risp-opinions/:id/case`, {
      config: { access: policy.viewRispCase },
      schema: {
        tags,
        summary: 'What the opinion is about: application, points in my region, Anexo 5 (Art. 12)',
        params: idParamSchema,
        response: { 200: rispCaseSchema },
      },
      handler: async (request) => loadRispCase(deps.db, authOf(request), request.params.id),
    });
    app.get(`${base}/risp-opinions/:id/files/:fileId`, {
      config: { access: policy.viewRispCase },
      schema: {
        tags,
        summary: 'Photo of a camera point in my region',
        params: z.object({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
      handler: async (request, reply) =>
        sendFile(reply, await downloadRispPhoto(deps.db, storage, authOf(request), request.params.id, request.params.fileId)),
    });
    app.get(`${base}/risp-opinions/:id/generated-documents/:docId`, {
      config: { access: policy.viewRispCase },
      schema: {
        tags,
        summary: 'Download the Anexo 5 of the application',
        params: z.object({ id: z.string().uuid(), docId: z.string().uuid() }),
      },
      handler: async (request, reply) =>
        sendFile(reply, await downloadRispAnnex(deps.db, storage, authOf(request), request.params.id, request.params.docId)),
    });
    app.post(`${base}/risp-opinions/:id`, {
      config: { access: policy.giveRispOpinion },
      schema: {
        tags,
        summary: 'Give the RISP opinion (Art. 12)',
        params: idParamSchema,
        body: rispOpinionRequestSchema,
        response: { 200: rispOpinionSchema },
      },
      handler: async (request) => giveRispOpinion(deps.db, acting(request), request.params.id, request.body),
    });

    // homologation and terms
    app.post(`${base}/applications/:id/homologate`, {
      config: { access: policy.homologateApplication },
      schema: {
        tags,
        summary: 'Homologate (CIOSP, Art. 16 §1): gazette text, pre-qualification and cooperation terms',
        params: idParamSchema,
        response: { 200: homologationResultSchema },
      },
      handler: async (request) => homologateApplication(svc, acting(request), request.params.id),
    });
    app.get(`${base}/cooperation-terms`, {
      config: { access: policy.listCooperationTerms },
      schema: {
        tags,
        summary: 'Cooperation terms in the caller scope',
        response: { 200: z.object({ terms: z.array(cooperationTermSchema) }) },
      },
      handler: async (request) => ({ terms: await listCooperationTerms(deps.db, authOf(request)) }),
    });
    app.post(`${base}/cooperation-terms/:id/sign`, {
      config: { access: policy.signCooperationTerm },
      schema: {
        tags,
        summary: 'Record the signature of a cooperation term',
        params: idParamSchema,
        body: signTermRequestSchema,
        response: { 200: cooperationTermSchema },
      },
      handler: async (request) => signCooperationTerm(deps.db, acting(request), request.params.id, request.body.signedOn),
    });
    app.post(`${base}/cooperation-terms/:id/end`, {
      config: { access: policy.endCooperationTerm },
      schema: {
        tags,
        summary: 'End an operating cooperation (stops automatic renewal, Art. 5 §3)',
        params: idParamSchema,
        body: endTermRequestSchema,
        response: { 200: cooperationTermSchema },
      },
      handler: async (request) => endCooperationTerm(deps.db, acting(request), request.params.id, request.body.reason),
    });
  };
}
