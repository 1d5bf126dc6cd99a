package org.ehcpathway.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ehcpathway.intake.RequestSource;

/** Running counts for the whole council, by request source and by the caseworker who logged the request. */
final class Tallies {

  /** The counts behind one {@link TimelinessReport.Breakdown}. */
  static final class Tally {
    long requests;
    long decisions;
    long decisionsWithin6Weeks;
    long plans;
    long plansWithin20Weeks;

    TimelinessReport.Breakdown breakdown() {
      return new TimelinessReport.Breakdown(requests, decisions, decisionsWithin6Weeks, plans, plansWithin20Weeks,
          Percent.of(plansWithin20Weeks, plans));
    }
  }

  final Tally total = new Tally();
  final Map<String, Tally> bySource = new LinkedHashMap<>();
  final Map<String, Tally> byCaseworker = new TreeMap<>();

  Tallies() {
    for (RequestSource source : RequestSource.values()) {
      bySource.put(source.name(), new Tally());
    }
  }

  void each(String source, String caseworker, Consumer<Tally> count) {
    count.accept(total);
    count.accept(bySource.computeIfAbsent(source, k -> new Tally()));
    count.accept(byCaseworker.computeIfAbsent(caseworker, k -> new Tally()));
  }

  Map<String, TimelinessReport.Breakdown> breakdown(Map<String, Tally> tallies) {
    Map<String, TimelinessReport.Breakdown> result = new LinkedHashMap<>();
    tallies.forEach((key, tally) -> result.put(key, tally.breakdown()));
    return result;
  }
}
