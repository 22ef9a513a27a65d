// The whole database schema: the barrel drizzle-kit reads. The tables live in ./tables/, one file per domain,
// and import nothing from modules/ (the ground layer, see docs/architecture.md).

export * from './tables/account-security.js';
export * from './tables/accountability.js';
export * from './tables/accounts.js';
export * from './tables/accreditation.js';
export * from './tables/alerts.js';
export * from './tables/audit.js';
export * from './tables/camera-nvr.js';
export * from './tables/camera-public-access.js';
export * from './tables/cameras.js';
export * from './tables/citizen.js';
export * from './tables/complaints.js';
export * from './tables/criminal-record.js';
export * from './tables/documents.js';
export * from './tables/exports.js';
export * from './tables/files.js';
export * from './tables/identity-card.js';
export * from './tables/inspections.js';
export * from './tables/integrations.js';
export * from './tables/live.js';
export * from './tables/loans.js';
export * from './tables/mail.js';
export * from './tables/partner-identity.js';
export * from './tables/partners.js';
export * from './tables/playback.js';
export * from './tables/privacy.js';
export * from './tables/recordings.js';
export * from './tables/regions.js';
export * from './tables/releases.js';
export * from './tables/sanctions.js';
export * from './tables/security-fees.js';
