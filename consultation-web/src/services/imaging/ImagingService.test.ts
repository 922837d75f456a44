import { describe, expect, it } from 'vitest';
import { pullOutcome } from './ImagingService';

describe('pullOutcome', () => {
  it('names what became of each study pulled from the PACS', () => {
    expect(pullOutcome({ moveStatus: null, storedInstances: 12 })).toBe('alreadyHere');
    expect(pullOutcome({ moveStatus: 0, storedInstances: 3 })).toBe('received');
    expect(pullOutcome({ moveStatus: 0xb000, storedInstances: 2 })).toBe('someRefused');
    // A PACS that reports failure although we kept some (dcmqrscp's A702 after one refusal).
    expect(pullOutcome({ moveStatus: 0xa702, storedInstances: 1 })).toBe('someRefused');
    expect(pullOutcome({ moveStatus: 0xa702, storedInstances: 0 })).toBe('noneStored');
  });
});
