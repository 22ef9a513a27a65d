import { addYears, LIMITATION_YEARS, type Limitation } from '@vigia/contracts';
import type { LocalDate } from '../calendar/local-date.js';

/**
 * Art. 30 §2–3: the claim to sanction is time-barred 5 years after the accountability report was
 * presented; an administrative act aimed at investigating the infraction interrupts the period,
 * which then runs again in full from that act (interruption, unlike suspension, restarts the count —
 * as in Lei 9.873/1999 art. 2). An act after the period ran out cannot revive it. No report
 * presented yet → the period has not started, nothing is time-barred.
 */
export function limitationOn(presentedOn: LocalDate | null, investigatingActs: LocalDate[], on: LocalDate): Limitation {
  if (!presentedOn) {
    return {
      startsOn: null,
      interruptedOn: null,
      endsOn: null,
      timeBarred: false,
      explanation: 'A prescrição ainda não começou a correr: nenhuma prestação de contas foi apresentada (art. 30, § 2º).',
    };
  }
  let endsOn = addYears(presentedOn, LIMITATION_YEARS);
  let interruptedOn: LocalDate | null = null;
  for (const act of [...investigatingActs].sort()) {
    if (act < presentedOn || act > on) continue;
    if (act > endsOn) break;
    interruptedOn = act;
    endsOn = addYears(act, LIMITATION_YEARS);
  }
  const timeBarred = on > endsOn;
  const d = (x: string) => x.split('-').reverse().join('/');
  return {
    startsOn: presentedOn,
    interruptedOn,
    endsOn,
    timeBarred,
    explanation:
      `Prestação de contas apresentada em ${d(presentedOn)}` +
      (interruptedOn ? `; prescrição interrompida por ato de apuração em ${d(interruptedOn)}` : '') +
      `; prazo de 5 anos ${timeBarred ? 'esgotado' : 'corre até'} ${d(endsOn)} (art. 30, §§ 2º e 3º).`,
  };
}
