export * from './local-date.js';
export * from './holidays.js';
export * from './business-days.js';
