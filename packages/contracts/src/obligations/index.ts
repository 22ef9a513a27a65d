export * from './common.js';
export * from './loans.js';
export * from './accountability.js';
export * from './inspections.js';
export * from './complaints.js';
export * from './sanctions.js';
