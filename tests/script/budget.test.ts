import { describe, expect, it } from 'vitest';
import { shareBudget } from '../../src/script/budget.js';

describe('shareBudget', () => {
  it('shares equally between equal stories', () => {
    expect(shareBudget(300, [{ weight: 1, capacity: 1000 }, { weight: 1, capacity: 1000 }, { weight: 1, capacity: 1000 }])).toEqual([100, 100, 100]);
  });

  it('hands a short story\'s unused share to the others', () => {
    const shares = shareBudget(300, [{ weight: 1, capacity: 40 }, { weight: 1, capacity: 1000 }, { weight: 1, capacity: 1000 }]);
    expect(shares[0]).toBe(40);
    expect(shares[1]).toBeCloseTo(130);
    expect(shares[2]).toBeCloseTo(130);
  });

  it('follows weights and never exceeds the total', () => {
    const shares = shareBudget(400, [{ weight: 3, capacity: 1000 }, { weight: 1, capacity: 1000 }]);
    expect(shares[0]).toBeCloseTo(300);
    expect(shares[1]).toBeCloseTo(100);
    expect(shareBudget(-5, [{ weight: 1, capacity: 10 }])).toEqual([0]);
  });
});
