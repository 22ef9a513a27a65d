export * from './business-days.js';
export * from './holidays.js';
export * from './local-date.js';
