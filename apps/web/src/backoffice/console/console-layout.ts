import { type ConsoleCamera, type ConsoleGrid, gridTiles } from '@vigia/contracts';

/**
 * Pure logic of the operations console (unit-tested): grid geometry, tour groups, the camera tree
 * and keyboard shortcuts.
 */

/** CSS grid of each layout: columns, rows and the area of the big tile (1+5, 1+7). */
export function gridStyle(grid: ConsoleGrid): { columns: number; rows: number; big?: { span: number } } {
  switch (grid) {
    case '1':
      return { columns: 1, rows: 1 };
    case '2x2':
      return { columns: 2, rows: 2 };
    case '3x3':
      return { columns: 3, rows: 3 };
    case '4x4':
      return { columns: 4, rows: 4 };
    case '1+5':
      return { columns: 3, rows: 3, big: { span: 2 } };
    case '1+7':
      return { columns: 4, rows: 4, big: { span: 3 } };
  }
}

/** The cameras of tiles for a tour step: groups of `tiles` cameras, cycling; a short last group is padded with empty tiles. */
export function tourGroup(cameras: ReadonlyArray<string | null>, tiles: number, step: number): Array<string | null> {
  const groups = Math.max(1, Math.ceil(cameras.length / tiles));
  const g = ((step % groups) + groups) % groups;
  return Array.from({ length: tiles }, (_, i) => cameras[g * tiles + i] ?? null);
}

export const tourGroups = (cameras: ReadonlyArray<string | null>, tiles: number) => Math.max(1, Math.ceil(cameras.length / tiles));

/** Puts `cameraId` in tile `index` of a layout of `grid`, keeping the other tiles (list padded to the grid's size). */
export function placeCamera(
  tiles: ReadonlyArray<string | null>,
  grid: ConsoleGrid,
  index: number,
  cameraId: string | null,
): Array<string | null> {
  const n = Math.max(gridTiles[grid], tiles.length);
  const next = Array.from({ length: n }, (_, i) => tiles[i] ?? null);
  if (index >= 0 && index < n) next[index] = cameraId;
  return next;
}

export interface TreeNode {
  key: string;
  label: string;
  children: TreeNode[];
  camera?: ConsoleCamera;
}

const accentless = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The camera tree region → municipality → partner → camera, filtered by `search` (accent- and
 * case-insensitive; matches the camera or any of its ancestors' names). Sorted by label.
 */
export function cameraTree(cameras: readonly ConsoleCamera[], search = ''): TreeNode[] {
  const q = accentless(search.trim());
  const child = (parent: { children: TreeNode[] }, key: string, label: string) => {
    let n = parent.children.find((c) => c.key === key);
    if (!n) {
      n = { key, label, children: [] };
      parent.children.push(n);
    }
    return n;
  };
  const top = { children: [] as TreeNode[] };
  for (const c of cameras) {
    const region = c.regionName ?? 'Sem região';
    if (q && ![c.name, c.partnerName, c.municipalityName, region].some((s) => accentless(s).includes(q))) continue;
    const r = child(top, `r:${region}`, region);
    const m = child(r, `m:${c.municipalityIbge}`, c.municipalityName);
    const p = child(m, `p:${c.municipalityIbge}:${c.partnerId}`, c.partnerName);
    p.children.push({ key: `c:${c.id}`, label: c.name, children: [], camera: c });
  }
  const sort = (ns: TreeNode[]): TreeNode[] =>
    ns.sort((a, b) => a.label.localeCompare(b.label, 'pt-BR')).map((n) => ({ ...n, children: sort(n.children) }));
  return sort(top.children);
}

export type ConsoleKeyAction =
  | { kind: 'select'; tile: number }
  | { kind: 'fullscreen' }
  | { kind: 'replay'; seconds: number }
  | { kind: 'live' }
  | { kind: 'bookmark' }
  | { kind: 'panel' };

/**
 * Keyboard shortcuts (ignored while typing in a field): 1–9 and 0 select tiles 1–10; F full screen
 * of the selected tile; R replay the last 30 s of it (Shift+R 60 s, Alt+R 10 s); L back to live;
 * B bookmark the last 30 s; P show/hide the camera panel.
 */
export function keyAction(e: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): ConsoleKeyAction | undefined {
  if (e.ctrlKey || e.metaKey) return undefined;
  if (/^[0-9]$/.test(e.key)) return { kind: 'select', tile: e.key === '0' ? 9 : Number(e.key) - 1 };
  switch (e.key.toLowerCase()) {
    case 'f':
      return { kind: 'fullscreen' };
    case 'r':
      return { kind: 'replay', seconds: e.shiftKey ? 60 : e.altKey ? 10 : 30 };
    case 'l':
      return { kind: 'live' };
    case 'b':
      return { kind: 'bookmark' };
    case 'p':
      return { kind: 'panel' };
    default:
      return undefined;
  }
}
