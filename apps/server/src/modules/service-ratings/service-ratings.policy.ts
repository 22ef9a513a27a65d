import { citizenAccess, definePolicy, publicAccess } from '../../http/access.js';

/** Service ratings: citizens rate their own finished uses; everyone reads the aggregated figures. */
export const serviceRatingsPolicy = definePolicy({
  rate: citizenAccess,
  pending: citizenAccess,
  performance: publicAccess('open data: per-service volume, ratings and share answered within the legal deadline (aggregates only)'),
});
