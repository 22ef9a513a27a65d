import type { Me, Role } from '@vigia/contracts';

const key = (userId: string) => `vigia.activeRole.${userId}`;

/** The role chosen earlier in this tab if the user still holds it, else the first role. */
export function initialActiveRole(me: Me): Role | null {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(key(me.id));
  } catch {
    stored = null;
  }
  const held = me.roles.find((r) => r === stored);
  return held ?? me.roles[0] ?? null;
}

export function rememberActiveRole(me: Me, role: Role): void {
  try {
    sessionStorage.setItem(key(me.id), role);
  } catch {
    // Storage may be disabled; the choice then lasts until reload.
  }
}
