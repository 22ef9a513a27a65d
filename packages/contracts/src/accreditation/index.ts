export * from './applicant-kind.js';
export * from './required-documents.js';
export * from './lease.js';
export * from './application-status.js';
