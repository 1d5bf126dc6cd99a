package org.ehcpathway.reporting;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.ehcpathway.casefile.ReadModelChanges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report figures of closed calendar months, counted once and kept in {@code report_month} until a write dated
 * into the month drops them ({@link ReadModelChanges}). A month is kept only once it has been over for more than a
 * day, so a step recorded on its last day that commits after midnight is in its figures. Off with
 * {@code ehc.reports.store-closed-months=false} (every report then counts every month).
 */
@Component
class ClosedMonthFigures {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final JdbcClient jdbc;
  private final ReadModelChanges changes;
  private final TransactionTemplate ownTransaction;
  private final boolean enabled;

  ClosedMonthFigures(JdbcClient jdbc, ReadModelChanges changes, PlatformTransactionManager transactions,
      @Value("${ehc.reports.store-closed-months:true}") boolean enabled) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.enabled = enabled;
  }

  /** Whether {@code month}'s figures can be kept, as of {@code today}. */
  boolean keepable(YearMonth month, LocalDate today) {
    return enabled && month.atEndOfMonth().isBefore(today.minusDays(1));
  }

  /** The generation to pass to {@link #store}, read before counting. */
  long generation() {
    return changes.generation();
  }

  /** The stored figures of the months from {@code first} to {@code last} that have any. */
  Map<YearMonth, PeriodFigures> load(YearMonth first, YearMonth last, LocalDate today) {
    Map<YearMonth, PeriodFigures> months = new HashMap<>();
    jdbc.sql("SELECT month_start, figures FROM report_month WHERE month_start BETWEEN ? AND ? AND stored_on <= ?")
        .params(first.atDay(1), last.atDay(1), today)
        .query(rs -> {
          months.put(YearMonth.from(rs.getObject(1, LocalDate.class)), read(rs.getString(2)));
        });
    return months;
  }

  /**
   * Keeps {@code months}' figures, counted after {@link #generation} gave {@code generation}, unless a write has
   * dropped stored months since: then they may be out of date and are not kept.
   */
  void store(Map<YearMonth, PeriodFigures> months, long generation, LocalDate today) {
    boolean stored = Boolean.TRUE.equals(ownTransaction.execute(status -> {
      if (!changes.lockIfUnchanged(generation)) {
        return false;
      }
      months.forEach((month, figures) -> {
        jdbc.sql("DELETE FROM report_month WHERE month_start = ?").param(month.atDay(1)).update();
        jdbc.sql("INSERT INTO report_month (month_start, figures, stored_on) VALUES (?, ?, ?)")
            .params(month.atDay(1), write(figures), today).update();
      });
      return true;
    }));
    if (stored) {
      changes.stored(today);
    }
  }

  private static String write(PeriodFigures figures) {
    try {
      return JSON.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Report figures could not be written as JSON", e);
    }
  }

  private static PeriodFigures read(String json) {
    try {
      return JSON.readValue(json, PeriodFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored report figures could not be read", e);
    }
  }
}
