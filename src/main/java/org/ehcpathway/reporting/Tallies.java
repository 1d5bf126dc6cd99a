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

    void add(Tally other) {
      requests += other.requests;
      decisions += other.decisions;
      decisionsWithin6Weeks += other.decisionsWithin6Weeks;
      plans += other.plans;
      plansWithin20Weeks += other.plansWithin20Weeks;
    }

    TimelinessReport.Breakdown breakdown() {
      return new TimelinessReport.Breakdown(requests, decisions, decisionsWithin6Weeks, plans, plansWithin20Weeks,
          Percent.of(plansWithin20Weeks, plans));
    }
  }

  Tally total = new Tally();
  LinkedHashMap<String, Tally> bySource = new LinkedHashMap<>();
  TreeMap<String, Tally> byCaseworker = new TreeMap<>();

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

  void add(Tallies other) {
    total.add(other.total);
    other.bySource.forEach((source, tally) -> bySource.computeIfAbsent(source, k -> new Tally()).add(tally));
    other.byCaseworker.forEach((caseworker, tally) -> byCaseworker.computeIfAbsent(caseworker, k -> new Tally())
        .add(tally));
  }

  Map<String, TimelinessReport.Breakdown> breakdown(Map<String, Tally> tallies) {
    Map<String, TimelinessReport.Breakdown> result = new LinkedHashMap<>();
    tallies.forEach((key, tally) -> result.put(key, tally.breakdown()));
    return result;
  }
}
