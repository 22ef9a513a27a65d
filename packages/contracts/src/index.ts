export * from './errors.js';
export * from './roles.js';
export * from './auth.js';
export * from './admin.js';
export * from './audit.js';
export * from './brazil.js';
export * from './accreditation/index.js';
