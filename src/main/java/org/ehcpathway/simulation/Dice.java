package org.ehcpathway.simulation;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random draws. Each case, and each task of a case, gets dice of its own derived from the run's seed, so
 * what happens to a case does not depend on the order in which the engine hands out tasks.
 */
final class Dice {

  private final SplittableRandom random;

  Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Dice for a part of this seed's run, named by the given keys. */
  static Dice of(long seed, Object... keys) {
    long mixed = mix(seed);
    for (Object key : keys) {
      mixed = mix(mixed ^ (key == null ? 0x9E3779B97F4A7C15L : stableHash(String.valueOf(key))));
    }
    return new Dice(mixed);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** A whole number from {@code low} to {@code high}, both included. */
  int between(int low, int high) {
    return high <= low ? low : low + random.nextInt(high - low + 1);
  }

  /** An exponential draw with the given mean, rounded to whole days, at least 1. */
  int exponential(double mean) {
    return Math.max(1, (int) Math.round(-mean * Math.log(1 - random.nextDouble())));
  }

  /** A Poisson draw (Knuth's method, fine for the small daily means used here). */
  int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  double unit() {
    return random.nextDouble();
  }

  private static long stableHash(String text) {
    long hash = 1125899906842597L;
    for (int i = 0; i < text.length(); i++) {
      hash = 31 * hash + text.charAt(i);
    }
    return hash;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
