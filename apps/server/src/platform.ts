import path from 'node:path';
import { createS3Client } from '@vigia/contracts/recording-s3';
import type { Logger } from 'pino';
import { systemClock } from './config/clock.js';
import type { Config } from './config/config.js';
import { type Database, migrateDatabase, openDatabase } from './db/client.js';
import { JobRunner } from './jobs/job-runner.js';
import { mailSweep } from './mail/mail-sweep.js';
import { createTransport } from './mail/mailer.js';
import { recordingStorage } from './media-tools/recording-storage.js';
import { finalAccountabilitySweep } from './modules/accountability/accountability.sweep.js';
import { bootstrapAdmin } from './modules/accounts/bootstrap.js';
import { sessionHousekeepingSweep } from './modules/accounts/housekeeping.sweep.js';
import { unconfirmedSignUpSweep } from './modules/accounts/unconfirmed-sign-up.sweep.js';
import { deficiencyDeadlineSweep } from './modules/accreditation/deficiency-deadline.sweep.js';
import { cameraDepsOf } from './modules/cameras/camera-deps.js';
import { citizenRetentionSweep } from './modules/citizen-accounts/citizen-retention.sweep.js';
import { seedDemo } from './modules/demo/demo.seed.js';
import { seedProtectionDemo } from './modules/demo/demo-protection.js';
import { documentRenderSweep } from './modules/documents/deferred-render.js';
import { onvifEventsSweep } from './modules/events/onvif-events.sweep.js';
import { outageEventsSweep } from './modules/events/outage-events.sweep.js';
import { exportBuildSweep } from './modules/exports/export-jobs.js';
import { localFileStorage } from './modules/files/file-storage.js';
import { healthAlertSweep } from './modules/health/health-alerts.sweep.js';
import { integrationPullAuditSweep } from './modules/integrations/integration-pull-audit.sweep.js';
import { liveViewAuditSweep } from './modules/live/live-view-audit.sweep.js';
import { loanInstallationSweep } from './modules/loans/installation.sweep.js';
import { ombudsmanRemindersSweep } from './modules/ombudsman/ombudsman-reminders.sweep.js';
import { playbackEndedSweep } from './modules/playback/playback-ended.sweep.js';
import { protectionPeriodReminderSweep } from './modules/protection/period-reminder.sweep.js';
import { ptzDeps } from './modules/ptz/ptz-device.js';
import { ptzReturnSweep } from './modules/ptz/ptz-return.sweep.js';
import { evidenceObjectLockSweep } from './modules/recordings/evidence-object-lock.sweep.js';
import { recordingRetentionSweep } from './modules/recordings/recording-retention.sweep.js';
import { uploadBacklogAlertSweep } from './modules/recordings/upload-backlog-alert.sweep.js';
import { seedSecurityRegionsIfEmpty } from './modules/regions/regions.service.js';
import { uptimeObligationSweep } from './modules/sanctions/uptime.sweep.js';
import { signagePlateSweep } from './modules/signage/signage-plate.sweep.js';
import { viewChangeSweep } from './modules/view-change/view-change.sweep.js';

export interface Platform {
  database: Database;
  jobs: JobRunner | null;
  close(): Promise<void>;
}

/** Opens and migrates the database, bootstraps data, starts jobs. Shared by the server and the CLI. */
export async function startPlatform(config: Config, log: Logger, opts: { jobs: boolean }): Promise<Platform> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  await bootstrapAdmin(database.db, config.admin, (line) => console.log(line));
  await seedSecurityRegionsIfEmpty(database.db);
  if (config.demo) await seedDemo(database.db, log, systemClock);
  if (config.demo)
    await seedProtectionDemo(
      { db: database.db, clock: systemClock, storage: localFileStorage(config.dataDir), publicUrl: config.publicUrl },
      log,
    );

  let jobs: JobRunner | null = null;
  if (opts.jobs) {
    jobs = new JobRunner(database, log);
    await jobs.start();
    const { transporter, describe } = createTransport(config);
    log.info({ mail: describe }, 'mail transport');
    await jobs.addSweep(mailSweep({ db: database.db, transporter, from: config.mail.from }));
    await jobs.addSweep(sessionHousekeepingSweep(database.db));
    await jobs.addSweep(unconfirmedSignUpSweep(database.db, { confirmTtlMs: config.accountSecurity.confirmTtlMs, now: systemClock.now }));
    await jobs.addSweep(deficiencyDeadlineSweep(database.db, systemClock));
    await jobs.addSweep(liveViewAuditSweep(database.db));
    await jobs.addSweep(loanInstallationSweep(database.db, systemClock));
    await jobs.addSweep(finalAccountabilitySweep(database.db, systemClock));
    await jobs.addSweep(uptimeObligationSweep(database.db, systemClock));
    const recordingsDir = path.join(config.dataDir, 'recordings');
    await jobs.addSweep(
      recordingRetentionSweep(database.db, recordingStorage(config.dataDir, config.objectStorage?.s3), {
        ...config.recording,
        volume: recordingsDir,
      }),
    );
    await jobs.addSweep(
      exportBuildSweep({
        db: database.db,
        dataDir: config.dataDir,
        signingKey: config.exports.signingKey,
        log,
        s3: config.objectStorage?.s3,
      }),
    );
    await jobs.addSweep(healthAlertSweep(database.db, config.health));
    await jobs.addSweep(playbackEndedSweep(database.db));
    await jobs.addSweep(integrationPullAuditSweep(database.db));
    await jobs.addSweep(citizenRetentionSweep(database.db, localFileStorage(config.dataDir), systemClock, config.citizen.retention));
    await jobs.addSweep(documentRenderSweep(database.db, { storage: localFileStorage(config.dataDir), publicUrl: config.publicUrl }, log));
    await jobs.addSweep(ombudsmanRemindersSweep(database.db, systemClock));
    await jobs.addSweep(signagePlateSweep(database.db, systemClock, config.signage.plateDeadlineDays));
    await jobs.addSweep(
      protectionPeriodReminderSweep(database.db, systemClock, {
        reminderDays: config.protection.reminderDays,
        publicUrl: config.publicUrl,
      }),
    );
    await jobs.addSweep(outageEventsSweep(database.db));
    await jobs.addSweep(
      ptzReturnSweep(ptzDeps(database.db, config, systemClock), Math.max(1, Math.min(10, Math.floor(config.ptz.returnAfterMs / 2000)))),
    );
    if (config.onvifEvents.pullSeconds > 0)
      await jobs.addSweep(
        onvifEventsSweep({ ...cameraDepsOf(database.db, config), clock: systemClock, log }, config.onvifEvents.pullSeconds),
      );
    await jobs.addSweep(viewChangeSweep({ ...cameraDepsOf(database.db, config), clock: systemClock, log, cfg: config.viewCheck }));
    if (config.objectStorage) {
      const { s3, evidenceLockMs, uploadAlertMs } = config.objectStorage;
      await jobs.addSweep(evidenceObjectLockSweep(database.db, createS3Client(s3), s3, { lockMs: evidenceLockMs }));
      await jobs.addSweep(uploadBacklogAlertSweep(database.db, { bucket: s3.bucket, alertAfterMs: uploadAlertMs }));
    }
  }
  return {
    database,
    jobs,
    async close() {
      await jobs?.stop();
      await database.close();
    },
  };
}
