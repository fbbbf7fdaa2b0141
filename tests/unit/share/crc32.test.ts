import { describe, expect, it } from 'vitest';
import { crc32, crc32Hex } from '../../../lib/crc32';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32Hex(ascii('123456789'))).toBe('cbf43926');
  });

  it('matches known vectors', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32Hex(ascii('a'))).toBe('e8b7be43');
    expect(crc32Hex(ascii('The quick brown fox jumps over the lazy dog'))).toBe('414fa339');
    expect(crc32Hex(new Uint8Array(32))).toBe('190a55ad');
  });

  it('pads to eight hex digits', () => {
    for (let i = 0; i < 300; i++) {
      expect(crc32Hex(ascii(`x${i}`))).toMatch(/^[0-9a-f]{8}$/);
    }
  });
});
