/**
 * When a camera may stream to anyone but its owner's self-test (issue 12; Decree 1.522/2022
 * Art. 14 §4 "cada projeto executivo terá autorização específica", Art. 26 §2): its partner holds
 * an **active** cooperation term under which the executive project containing the camera's point
 * was authorised (`project_authorisation`), and the camera is tied to that point
 * (`camera.camera_point_id` = `camera_point.id`). Opening to the public additionally needs the
 * committee's approval of the partner's request (`camera_public_access`).
 *
 * A client's camera shared by an integrator (issue 18, Art. 15; seed 002 BH + Segura,
 * `integrator_camera`) streams under the integrator's accreditation — the point belongs to the
 * integrator's authorised project — and only while a granted consent of the client names it
 * (`camera_sharing_consent`); a revoked consent makes it ineligible at once.
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
  return `(EXISTS (SELECT 1 FROM camera_point se_p
    JOIN project_authorisation se_a ON se_a.application_id = se_p.application_id
    JOIN cooperation_term se_t ON se_t.id = se_a.term_id
    WHERE se_p.id::text = ${c}.camera_point_id AND se_t.status = 'active'
      AND se_t.partner_id = coalesce((SELECT se_i.integrator_partner_id FROM integrator_camera se_i WHERE se_i.camera_id = ${c}.id), ${c}.partner_id))
    AND (NOT EXISTS (SELECT 1 FROM integrator_camera se_m WHERE se_m.camera_id = ${c}.id)
      OR EXISTS (SELECT 1 FROM camera_sharing_consent_camera se_cc JOIN camera_sharing_consent se_c ON se_c.id = se_cc.consent_id
        WHERE se_cc.camera_id = ${c}.id AND se_c.status = 'granted')))`;
}

/** Open to the public: requested by the partner (`open_to_public`) and approved by the committee, on an eligible camera. */
export function publicApprovedSql(camera = 'camera'): string {
  const c = ident(camera);
  return `(${c}.open_to_public AND EXISTS (SELECT 1 FROM camera_public_access pa WHERE pa.camera_id = ${c}.id) AND ${streamEligibleSql(c)})`;
}
