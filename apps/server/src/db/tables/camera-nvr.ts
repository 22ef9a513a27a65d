import type { SealedSecret } from '@vigia/secrets';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cameras } from './cameras.js';

/**
 * A camera whose footage is also kept in the partner's own recorder (Art. 25 §2; SPEC §3.4
 * "recording also from the partner's own storage"): the NVR's playback RTSP URL template
 * (`@vigia/contracts` nvr-template: {host} {port} {channel} {start:…} {end:…}), the channel and,
 * optionally, the NVR's own login sealed like camera passwords (AAD "<camera id>:nvr"; without it
 * the camera's credentials are used). Never returned by the API. `keeper_partner_id` names an
 * integrator company that keeps the copy in its own recorder for a client's camera (issue 18).
 */
export const cameraNvrs = pgTable('camera_nvr', {
  cameraId: uuid('camera_id')
    .primaryKey()
    .references(() => cameras.id, { onDelete: 'cascade' }),
  /** hikvision | dahua | custom (the template is what counts; the preset only drives the form). */
  preset: text('preset', { enum: ['hikvision', 'dahua', 'custom'] }).notNull(),
  urlTemplate: text('url_template').notNull(),
  channel: integer('channel').notNull().default(1),
  credentials: jsonb('credentials').$type<SealedSecret>(),
  /**
   * Whose recorder this is: null = the camera owner's; an integrator company's partner id when the
   * company keeps its own copy of a client's camera (Art. 25 §2; seed 002 BH + Segura).
   */
  keeperPartnerId: uuid('keeper_partner_id'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
