import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../shared/pages/NotFound';
import { paths } from '../paths';
import { SubNav } from '../shared/SubNav';
import { AssetsPage } from './AssetsPage';
import { CommitteeIncidentsPage } from './CommitteeIncidentsPage';
import { CommitteeLoanPage } from './CommitteeLoanPage';
import { CommitteeLoansPage } from './CommitteeLoansPage';

const LOANS_BASE = paths.committeeLoans;

/** SESP (committee/admin): asset registry, loans (Art. 17–18) and incidents. */
export function CommitteeLoansArea() {
  return (
    <>
      <SubNav
        label="Seções de equipamentos cedidos"
        items={[
          { to: LOANS_BASE, label: 'Cessões', end: true },
          { to: `${LOANS_BASE}/bens`, label: 'Bens (patrimônio)' },
          { to: `${LOANS_BASE}/ocorrencias`, label: 'Ocorrências' },
        ]}
      />
      <Routes>
        <Route index element={<CommitteeLoansPage />} />
        <Route path="bens" element={<AssetsPage />} />
        <Route path="ocorrencias" element={<CommitteeIncidentsPage />} />
        <Route path=":loanId" element={<CommitteeLoanPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
