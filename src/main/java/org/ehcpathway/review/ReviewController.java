package org.ehcpathway.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reviews due in a month, overdue today (by the engine clock), and completed in the month. */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

  record ReviewLine(String caseReference, int cycle, LocalDate dueDate, LocalDate meetingDate, LocalDate decisionDate,
      String outcome) {
  }

  record ReviewsOfMonth(String month, List<ReviewLine> due, List<ReviewLine> overdue, List<ReviewLine> completed) {
  }

  private static final String SELECT = """
      SELECT r.case_reference, r.cycle, r.due_date, r.meeting_date, r.decision_date, r.outcome
      FROM plan_review r JOIN ehc_plan p ON p.case_reference = r.case_reference
      """;

  private final JdbcClient jdbc;
  private final EngineClock clock;

  ReviewController(JdbcClient jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  ReviewsOfMonth reviews(@RequestParam String due) {
    YearMonth month;
    try {
      month = YearMonth.parse(due);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("due", "'" + due + "' is not a month in the form YYYY-MM");
    }
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    return new ReviewsOfMonth(month.toString(),
        lines(SELECT + "WHERE r.due_date BETWEEN ? AND ? ORDER BY r.due_date", first, last),
        lines(SELECT + "WHERE p.status = 'ACTIVE' AND r.decision_date IS NULL AND r.due_date < ? ORDER BY r.due_date",
            clock.today()),
        lines(SELECT + "WHERE r.decision_date BETWEEN ? AND ? ORDER BY r.decision_date", first, last));
  }

  private List<ReviewLine> lines(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query((rs, n) -> new ReviewLine(rs.getString(1), rs.getInt(2),
        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
        rs.getString(6))).list();
  }
}
