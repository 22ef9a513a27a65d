export * from './applicant-kind.js';
export * from './application-status.js';
export * from './lease.js';
export * from './required-documents.js';
