import type { AssetStatus, IncidentStatus, LoanStatus } from '@vigia/contracts';
import type { Tone } from '../shared/Tag';

export const loanTone: Record<LoanStatus, Tone> = {
  reserved: 'warning',
  pickup_scheduled: 'info',
  active: 'success',
  returned: '',
  cancelled: 'danger',
};
export const assetTone: Record<AssetStatus, Tone> = {
  in_stock: 'success',
  reserved: 'info',
  lent: 'info',
  under_repair: 'warning',
  stolen: 'danger',
  returned: '',
  written_off: 'danger',
};
export const incidentTone: Record<IncidentStatus, Tone> = { open: 'warning', repair_pending: 'warning', closed: 'success' };
export const returnConditionLabels = { good: 'Bom estado', damaged: 'Danificado', missing: 'Não devolvido' } as const;
