package org.ehcpathway.reporting;

import java.util.List;

/**
 * One page of the at-risk list ({@code page} 0 is the worst {@code size} open cases), with the number of open cases
 * and how many of them are RED, AMBER and GREEN. A page past the last is empty; the counts are still given.
 */
public record AtRiskPage(
    int page,
    int size,
    long totalPages,
    long openCases,
    long red,
    long amber,
    long green,
    List<AtRiskCase> cases) {

  static AtRiskPage of(int page, int size, AtRiskRanking.Counts counts, List<AtRiskCase> cases) {
    long open = counts.open();
    return new AtRiskPage(page, size, (open + size - 1) / size, open, counts.red(), counts.amber(), counts.green(),
        cases);
  }
}
