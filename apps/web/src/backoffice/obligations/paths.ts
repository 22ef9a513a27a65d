/** Back-office paths of the obligations areas (must match navigation.ts). */
export const paths = {
  committeeLoans: '/comissao/cessoes',
  committeeAccountability: '/comissao/prestacao-de-contas',
  committeeInspections: '/comissao/vistorias',
  committeeComplaints: '/comissao/denuncias',
  committeeSanctions: '/comissao/sancoes',
  partnerLoans: '/cessoes',
  partnerIncidents: '/ocorrencias',
  partnerAccountability: '/prestacao-de-contas',
  partnerSanctions: '/sancoes',
} as const;
