/**
 * Field-of-view cone of a camera as a polygon of [latitude, longitude] points: the apex at the
 * camera, an arc of `radiusM` metres from heading − fov/2 to heading + fov/2 (clockwise from
 * north, as compasses and the registry count). Local flat-earth approximation: good to well under
 * a metre at the tens of metres a street camera covers. A 360° view gives a closed circle.
 */
export function fovCone(
  latitude: number,
  longitude: number,
  heading: number,
  fieldOfView: number,
  radiusM = 80,
  steps = 16,
): [number, number][] {
  const metresPerDegLat = 111_320;
  const metresPerDegLon = 111_320 * Math.cos((latitude * Math.PI) / 180);
  const fov = Math.max(1, Math.min(360, fieldOfView));
  const start = heading - fov / 2;
  const arc: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = ((start + (fov * i) / steps) * Math.PI) / 180;
    arc.push([latitude + (radiusM * Math.cos(bearing)) / metresPerDegLat, longitude + (radiusM * Math.sin(bearing)) / metresPerDegLon]);
  }
  return fov >= 360 ? arc : [[latitude, longitude], ...arc];
}
