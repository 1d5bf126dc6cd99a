package org.ehcpathway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ehcpathway.casefile.CaseRow;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.Rag;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.statutory.WorkingDays;
import org.junit.jupiter.api.Test;

/**
 * The two days {@link AtRiskRanking}'s SQL compares stored due dates with give the RAG {@link CaseRow#rag} gives, for
 * every day from December 2023 to March 2025 (a leap day, two year ends, the clock changes) and every due date from 3
 * weeks before to 3 weeks after each cut-off, for each of the three deadlines of a case.
 */
class AtRiskCutOffsTest {

  private final StatutoryDeadlines rules = new StatutoryDeadlines(WorkingDays.englandAndWales());

  @Test
  void aDeadlineDueYesterdayIsRedDueTodayToIn14DaysAmberAndIn15DaysGreen() {
    LocalDate today = LocalDate.parse("2026-03-02");
    assertThat(rules.lastDueDateBreachedOn(today)).isEqualTo("2026-03-01");
    assertThat(rules.lastDueDateAmberOn(today)).isEqualTo("2026-03-16");
    assertThat(ragBySql(today, today.minusDays(1))).isEqualTo(Rag.RED);
    assertThat(ragBySql(today, today)).isEqualTo(Rag.AMBER);
    assertThat(ragBySql(today, today.plusDays(14))).isEqualTo(Rag.AMBER);
    assertThat(ragBySql(today, today.plusDays(15))).isEqualTo(Rag.GREEN);
    for (int days = -1; days <= 15; days++) {
      assertThat(ragOfCase(today, today.plusDays(days), 0)).isEqualTo(ragBySql(today, today.plusDays(days)));
    }
  }

  @Test
  void theCutOffsAgreeWithTheCaseRagOnEveryDayAroundThem() {
    int compared = 0;
    for (LocalDate today = LocalDate.parse("2023-12-01"); today.isBefore(LocalDate.parse("2025-04-01"));
        today = today.plusDays(1)) {
      LocalDate red = rules.lastDueDateBreachedOn(today);
      LocalDate amber = rules.lastDueDateAmberOn(today);
      for (LocalDate due = red.minusWeeks(3); !due.isAfter(amber.plusWeeks(3)); due = due.plusDays(1)) {
        for (int deadline = 0; deadline < 3; deadline++) {
          assertThat(ragBySql(today, due)).as("due %s on %s, deadline %d", due, today, deadline)
              .isEqualTo(ragOfCase(today, due, deadline));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(480 * 57 * 3);
  }

  /** What the SQL of {@link AtRiskRanking} works out: a comparison of the due date with the two cut-off days. */
  private Rag ragBySql(LocalDate today, LocalDate due) {
    return !due.isAfter(rules.lastDueDateBreachedOn(today)) ? Rag.RED
        : !due.isAfter(rules.lastDueDateAmberOn(today)) ? Rag.AMBER : Rag.GREEN;
  }

  /** An open case whose only step not done is {@code deadline} (0, 1, 2: 6, 16, 20 weeks), due on {@code due}. */
  private Rag ragOfCase(LocalDate today, LocalDate due, int deadline) {
    LocalDate done = LocalDate.parse("2020-01-01");
    LocalDate later = LocalDate.parse("2099-01-01");
    CaseRow row = new CaseRow(1, "EHC-2024-000001", null, LocalDate.parse("2019-01-01"), "PARENT", CaseStatus.OPEN,
        "requestReceived", deadline == 0 ? due : later, deadline == 1 ? due : later, deadline == 2 ? due : later,
        deadline == 0 ? null : done, deadline == 1 ? null : done, deadline == 2 ? null : done, null, null, null,
        "caseworker", null, false, null);
    return row.rag(today, rules).level();
  }
}
