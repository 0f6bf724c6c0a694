/** A round's planned phase dates, read as days in Japan (the programme's time zone). */
import type { RoundDetail, RoundPhase, RoundPhaseKey } from '../../../../contracts/evaluation-rounds';

export function findPhase(round: RoundDetail, phase: RoundPhaseKey): RoundPhase | null {
  return round.phases.find((p) => p.phase === phase) ?? null;
}

/** The last moment of a phase's final day (23:59:59 JST): a deadline "on 30 Nov" includes the 30th. */
function phaseEndMillis(phase: RoundPhase): number {
  return Date.parse(`${phase.to}T23:59:59.999+09:00`);
}

/** Whole days left to the end of a phase (0 on its last day), or null once it has passed. */
export function daysLeft(phase: RoundPhase, now: number): number | null {
  const end = phaseEndMillis(phase);
  if (now > end) return null;
  return Math.floor((end - now) / 86_400_000);
}
