package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** TEMPORARY stand-in until the lead's service lands on main (same name and signatures); removed before the merge. */
@Service
public class TimelinessReports {

  public TimelinessReport timeliness(LocalDate from, LocalDate to) {
    return new TimelinessReport(from, to, 0,
        new TimelinessReport.DecisionsToAssess(0, 0, 0, 0, null),
        new TimelinessReport.NoPlanDecisions(0, 0, null),
        new TimelinessReport.NewPlans(0, 0, null, 0, 0, null, null, 0),
        Map.of(), new TimelinessReport.Reviews(0, 0, null, 0, 0, 0), Map.of(), Map.of());
  }

  public MonthlyTimeliness monthly(int year) {
    List<TimelinessReport> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      LocalDate first = LocalDate.of(year, m, 1);
      months.add(timeliness(first, first.withDayOfMonth(first.lengthOfMonth())));
    }
    return new MonthlyTimeliness(year, months, timeliness(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }
}
