package org.ehcpathway.reporting;

import java.util.List;

/** The timeliness report for each month of a calendar year, and the year as a whole. */
public record MonthlyTimeliness(int year, List<TimelinessReport> months, TimelinessReport wholeYear) {
}
