/**
 * mulberry32: a small seeded PRNG, for generated data that is the same on every run (the demo
 * town of scripts/generate-demo-data.mjs, the benchmarks' data in test/bench).
 * @param {number} seed an unsigned 32-bit seed
 * @returns {() => number} a function giving the next number in [0, 1)
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
