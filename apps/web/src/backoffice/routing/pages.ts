import type { ComponentType } from 'react';
import type { AreaId } from '../navigation';
import { AuditPage } from '../pages/audit/AuditPage';
import { UsersPage } from '../pages/admin/UsersPage';

/** The page component of each built area ('ready' in navigation.ts). */
export const pages: Partial<Record<AreaId, ComponentType>> = {
  'admin-users': UsersPage,
  audit: AuditPage,
};
