package org.ehcpathway.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Management information for managers: JSON by default, CSV with {@code Accept: text/csv}. */
@RestController
@Validated
@RequestMapping("/api/reports")
@PreAuthorize("hasAuthority('managers')")
class ReportController {

  private static final String CSV = "text/csv";

  private final TimelinessReports reports;
  private final AtRiskList atRiskList;
  private final ReportCsv csv;

  ReportController(TimelinessReports reports, AtRiskList atRiskList, ReportCsv csv) {
    this.reports = reports;
    this.atRiskList = atRiskList;
    this.csv = csv;
  }

  @GetMapping(value = "/timeliness", produces = "application/json")
  TimelinessReport timeliness(@RequestParam String from, @RequestParam String to) {
    return reports.timeliness(date("from", from), periodEnd(date("from", from), date("to", to)));
  }

  @GetMapping(value = "/timeliness", produces = CSV)
  String timelinessCsv(@RequestParam String from, @RequestParam String to) {
    return csv.timeliness(timeliness(from, to));
  }

  @GetMapping(value = "/timeliness/monthly", produces = "application/json")
  MonthlyTimeliness monthly(@RequestParam String year) {
    return reports.monthly(year(year));
  }

  @GetMapping(value = "/timeliness/monthly", produces = CSV)
  String monthlyCsv(@RequestParam String year) {
    return csv.monthly(monthly(year));
  }

  @GetMapping(value = "/at-risk", produces = "application/json")
  List<AtRiskCase> atRisk() {
    return atRiskList.atRisk();
  }

  @GetMapping(value = "/at-risk", produces = CSV)
  String atRiskCsv() {
    return csv.atRisk(atRisk());
  }

  /** The same CSV as a file to download, for a link on a page (a browser's link cannot ask for text/csv). */
  @GetMapping(value = "/at-risk.csv", produces = CSV)
  ResponseEntity<String> atRiskCsvFile() {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("at-risk.csv").build()
            .toString())
        .body(atRiskCsv());
  }

  /** One page of the at-risk list, worst first, with the RAG counts of every open case. */
  @GetMapping(value = "/at-risk/page", produces = "application/json")
  AtRiskPage atRiskPage(
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be at least 1")
      @Max(value = AtRiskList.MAX_PAGE_SIZE, message = "must be at most 500") int size) {
    return atRiskList.page(page, size);
  }

  private static LocalDate date(String name, String value) {
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < 2000 || date.getYear() > 2100) {
        throw new InvalidInputException(name, "must be between the years 2000 and 2100");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "'" + value + "' is not a date in the form YYYY-MM-DD");
    }
  }

  private static LocalDate periodEnd(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "must not be before from (" + from + ")");
    }
    return to;
  }

  private static int year(String value) {
    if (value == null || !value.matches("\\d{4}") || Integer.parseInt(value) < 2000 || Integer.parseInt(value) > 2100) {
      throw new InvalidInputException("year", "'" + value + "' is not a year from 2000 to 2100");
    }
    return Integer.parseInt(value);
  }
}
