import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { AboutSection } from './AboutSection';
import { ContactsSection } from './ContactsSection';
import { DocumentsSection } from './DocumentsSection';
import { HeroSection } from './HeroSection';
import { ManagementSection } from './ManagementSection';
import { StepsSection } from './StepsSection';
import { WhoCanJoinSection } from './WhoCanJoinSection';

/** The program's public landing page. */
export function LandingPage() {
  useDocumentTitle('Programa de videomonitoramento colaborativo');
  return (
    <>
      <HeroSection />
      <AboutSection />
      <WhoCanJoinSection />
      <ManagementSection />
      <StepsSection />
      <DocumentsSection />
      <ContactsSection />
    </>
  );
}
