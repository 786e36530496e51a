// Pure rules of access to credit. No I/O.

/** A programme takes applications while it is active and its deadline (a Việt Nam date) has not passed. */
export const isOpen = (p: { active: boolean; deadline: string | null; opensOn: string | null }, today: string) =>
  p.active && (p.deadline === null || p.deadline >= today) && (p.opensOn === null || p.opensOn <= today);

/** An approved amount above the programme's ceiling is a typing error, not a loan. */
export const withinCeiling = (amount: number, max: number | null) => max === null || amount <= max;
