export * from './accountability.js';
export * from './common.js';
export * from './complaints.js';
export * from './inspections.js';
export * from './loans.js';
export * from './sanctions.js';
