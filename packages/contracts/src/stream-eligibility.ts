/**
 * When a camera may stream to anyone but its owner's self-test (issue 12; Decree 1.522/2022
 * Art. 14 §4 "cada projeto executivo terá autorização específica", Art. 26 §2): its partner holds
 * an **active** cooperation term under which the executive project containing the camera's point
 * was authorised (`project_authorisation`), and the camera is tied to that point
 * (`camera.camera_point_id` = `camera_point.id`). Opening to the public additionally needs the
 * committee's approval of the partner's request (`camera_public_access`).
 *
 * Plain SQL text so that the server (Drizzle `sql.raw`) and the media node (its own SQL client,
 * which must not import domain modules) evaluate the very same predicate. `camera` is the SQL
 * name (table or alias) of the camera row in the surrounding query; it is an identifier chosen by
 * code, never user input.
 */
const IDENT = /^"?[a-z_][a-z0-9_]*"?$/;

function ident(camera: string): string {
  if (!IDENT.test(camera)) throw new Error(`bad SQL identifier: ${camera}`);
  return camera;
}

export function streamEligibleSql(camera = 'camera'): string {
  const c = ident(camera);
  return `EXISTS (SELECT 1 FROM camera_point se_p
    JOIN project_authorisation se_a ON se_a.application_id = se_p.application_id
    JOIN cooperation_term se_t ON se_t.id = se_a.term_id
    WHERE se_p.id::text = ${c}.camera_point_id AND se_t.partner_id = ${c}.partner_id AND se_t.status = 'active')`;
}

/** Open to the public: requested by the partner (`open_to_public`) and approved by the committee, on an eligible camera. */
export function publicApprovedSql(camera = 'camera'): string {
  const c = ident(camera);
  return `(${c}.open_to_public AND EXISTS (SELECT 1 FROM camera_public_access pa WHERE pa.camera_id = ${c}.id) AND ${streamEligibleSql(c)})`;
}
