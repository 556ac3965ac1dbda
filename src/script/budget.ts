/**
 * Shares a word budget between stories in proportion to their weight, never
 * giving a story more than it can use: what a short story cannot use is
 * handed on to the others (water-filling).
 */
export interface BudgetClaim {
  /** Relative importance; equal weights mean equal shares. */
  weight: number;
  /** Most words this story can fill. */
  capacity: number;
}

export function shareBudget(total: number, claims: readonly BudgetClaim[]): number[] {
  const shares = claims.map(() => 0);
  let open = claims.map((_, i) => i).filter((i) => (claims[i]?.capacity ?? 0) > 0);
  let remaining = Math.max(0, total);
  while (open.length > 0 && remaining > 1e-9) {
    const weightSum = open.reduce((sum, i) => sum + Math.max(claims[i]?.weight ?? 0, 1e-6), 0);
    const saturated: number[] = [];
    let handedOut = 0;
    for (const i of open) {
      const claim = claims[i] as BudgetClaim;
      const offer = (remaining * Math.max(claim.weight, 1e-6)) / weightSum;
      const room = claim.capacity - (shares[i] ?? 0);
      const given = Math.min(offer, room);
      shares[i] = (shares[i] ?? 0) + given;
      handedOut += given;
      if (given >= room - 1e-9) saturated.push(i);
    }
    remaining -= handedOut;
    if (saturated.length === 0) break;
    open = open.filter((i) => !saturated.includes(i));
  }
  return shares;
}
