// The whole database schema, one file per domain module. drizzle-kit reads this file.

export * from '../mail/mail.schema.js';
export * from '../modules/accountability/accountability.schema.js';
export * from '../modules/accounts/account-security.schema.js';
export * from '../modules/accounts/accounts.schema.js';
export * from '../modules/accreditation/accreditation.schema.js';
export * from '../modules/alerts/alerts.schema.js';
export * from '../modules/audit/audit.schema.js';
export * from '../modules/cameras/camera-nvr.schema.js';
export * from '../modules/cameras/camera-public-access.schema.js';
export * from '../modules/cameras/cameras.schema.js';
export * from '../modules/complaints/complaints.schema.js';
export * from '../modules/documents/documents.schema.js';
export * from '../modules/exports/exports.schema.js';
export * from '../modules/files/files.schema.js';
export * from '../modules/inspections/inspections.schema.js';
export * from '../modules/integrations/integrations.schema.js';
export * from '../modules/live/live.schema.js';
export * from '../modules/loans/loans.schema.js';
export * from '../modules/partners/partner-identity.schema.js';
export * from '../modules/partners/partners.schema.js';
export * from '../modules/playback/playback.schema.js';
export * from '../modules/privacy/privacy.schema.js';
export * from '../modules/recordings/recordings.schema.js';
export * from '../modules/regions/regions.schema.js';
export * from '../modules/releases/releases.schema.js';
export * from '../modules/sanctions/sanctions.schema.js';
