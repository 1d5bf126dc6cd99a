package org.ehcpathway.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ehcpathway.casefile.ReadModelChanges;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Multiplies the simulated history's read-model rows ({@code ehc_case}, {@code case_milestone}, {@code case_advice},
 * {@code ehc_plan}, {@code plan_review}) with one {@code INSERT ... SELECT} per table, on H2 or PostgreSQL. Copy n of
 * EHC-2025-000123 is C&lt;n&gt;-2025-000123. Originals are the cases whose reference starts with EHC-.
 *
 * <p>With {@code years} = 1 every copy keeps the original dates (a council whose whole history happened in the
 * simulated year: the worst case for a year's report). With {@code years} &gt; 1, copy n has every date moved back
 * {@code n mod years} whole years, so the history spreads over that many years as a national database's would; a
 * moved copy's cases still open at the end of the simulated year are closed as withdrawn on its last day, because no
 * real case stays open for years.
 */
final class ReadModelCopies {

  private static final String ORIGINALS = "case_reference LIKE 'EHC-%'";
  private static final String COPY = "copies.X";
  private static final List<String> TABLES =
      List.of("ehc_case", "case_milestone", "case_advice", "ehc_plan", "plan_review");

  private final JdbcClient jdbc;
  private final ReadModelChanges changes;
  private final boolean postgres;
  private final LocalDate lastSimulatedDay;

  ReadModelCopies(JdbcClient jdbc, ReadModelChanges changes, boolean postgres, LocalDate lastSimulatedDay) {
    this.changes = changes;
    this.jdbc = jdbc;
    this.postgres = postgres;
    this.lastSimulatedDay = lastSimulatedDay;
  }

  long cases() {
    return jdbc.sql("SELECT COUNT(*) FROM ehc_case").query(Long.class).single();
  }

  /** Adds copies until {@code ehc_case} holds about {@code target} cases. */
  void copyUntil(long target, int years) {
    long originals = jdbc.sql("SELECT COUNT(*) FROM ehc_case WHERE " + ORIGINALS).query(Long.class).single();
    long copiesMade = (cases() - originals) / originals;
    long copiesWanted = (target - originals) / originals;
    if (copiesWanted <= copiesMade) {
      return;
    }
    String yearsBack = years > 1 ? "MOD(" + COPY + ", " + years + ")" : null;
    // About 100,000 cases a statement: H2 commits one huge transaction much more slowly than several.
    long chunk = Math.max(1, 100_000 / originals);
    for (long first = copiesMade + 1; first <= copiesWanted; first += chunk) {
      long last = Math.min(copiesWanted, first + chunk - 1);
      String from = " CROSS JOIN " + (postgres ? "generate_series(" + first + ", " + last + ") AS copies(x)"
          : "SYSTEM_RANGE(" + first + ", " + last + ") copies") + " WHERE t." + ORIGINALS;
      for (String table : TABLES) {
        copy(table, from, yearsBack);
      }
    }
    closeAdviceOfClosedCopies();
    dropStoredMonths();
    if (postgres) {
      for (String table : TABLES) {
        jdbc.sql("VACUUM ANALYZE " + table).update();
      }
    }
  }

  /** Removes every copy, keeping the simulated cases. */
  void deleteCopies() {
    for (int i = TABLES.size() - 1; i >= 0; i--) {
      jdbc.sql("DELETE FROM " + TABLES.get(i) + " WHERE NOT " + ORIGINALS).update();
    }
    dropStoredMonths();
  }

  /** These writes bypass CaseRecords, so they drop the stored figures of closed months as it would. */
  private void dropStoredMonths() {
    changes.writtenElsewhere();
  }

  /** What CaseRecords.close does for a real case: its advice is no longer awaited (V12's awaited_until). */
  private void closeAdviceOfClosedCopies() {
    boolean hasColumn = jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE UPPER(table_name) ="
        + " 'CASE_ADVICE' AND UPPER(column_name) = 'AWAITED_UNTIL'").query(Long.class).single() > 0;
    if (hasColumn) {
      jdbc.sql("UPDATE case_advice SET awaited_until = (SELECT c.closed_date FROM ehc_case c"
          + " WHERE c.case_reference = case_advice.case_reference) WHERE awaited_until IS NULL AND EXISTS"
          + " (SELECT 1 FROM ehc_case c WHERE c.case_reference = case_advice.case_reference"
          + " AND c.closed_date IS NOT NULL)").update();
    }
  }

  private void copy(String table, String from, String yearsBack) {
    Map<String, String> select = new LinkedHashMap<>();
    jdbc.sql("SELECT column_name, data_type FROM information_schema.columns WHERE UPPER(table_name) = ?"
            + " AND UPPER(table_schema) = 'PUBLIC' AND UPPER(column_name) <> 'ID' ORDER BY ordinal_position")
        .param(table.toUpperCase())
        .query(rs -> {
          String column = rs.getString(1).toLowerCase();
          boolean date = rs.getString(2).equalsIgnoreCase("date");
          select.put(column, value(table, column, date, yearsBack));
        });
    jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", select.keySet()) + ") SELECT "
        + String.join(", ", select.values()) + " FROM " + table + " t" + from).update();
  }

  private String value(String table, String column, boolean date, String yearsBack) {
    String movedCase = yearsBack + " > 0 AND t.status = 'OPEN'";
    return switch (column) {
      case "case_reference" -> "'C' || " + COPY + " || '-' || SUBSTRING(t.case_reference, 5)";
      case "process_instance_id" -> table.equals("ehc_case") ? "NULL"
          : "'C' || " + COPY + " || '-' || t.process_instance_id";
      case "source_reference" -> "CASE WHEN t.source_reference IS NULL THEN NULL ELSE 'C' || " + COPY
          + " || '-' || t.source_reference END";
      case "next_phase_transfer" -> yearsBack == null ? "t." + column : movedTransfer(yearsBack);
      case "status", "stage" -> yearsBack == null || !table.equals("ehc_case") ? "t." + column
          : "CASE WHEN " + movedCase + " THEN '" + (column.equals("status") ? "WITHDRAWN" : "closed")
              + "' ELSE t." + column + " END";
      case "closed_date" -> yearsBack == null || !table.equals("ehc_case") ? "t." + column
          : "CASE WHEN " + movedCase + " THEN " + yearsEarlier("DATE '" + lastSimulatedDay + "'", yearsBack)
              + " ELSE " + yearsEarlier("t.closed_date", yearsBack) + " END";
      default -> date && yearsBack != null ? yearsEarlier("t." + column, yearsBack) : "t." + column;
    };
  }

  /** SCHOOL:2026 becomes SCHOOL:2024 two years back; POST16_TO_POST16:2026-09-01 becomes ...:2024-09-01. */
  private String movedTransfer(String yearsBack) {
    String text = "t.next_phase_transfer";
    String colon = "POSITION(':' IN " + text + ")";
    return "CASE WHEN " + text + " IS NULL THEN NULL WHEN " + text + " LIKE 'POST16\\_TO\\_POST16:%' ESCAPE '\\'"
        + " THEN 'POST16_TO_POST16:' || CAST(" + yearsEarlier("CAST(SUBSTRING(" + text + ", 18) AS DATE)", yearsBack)
        + " AS VARCHAR) ELSE SUBSTRING(" + text + ", 1, " + colon + ") || CAST(CAST(SUBSTRING(" + text + ", "
        + colon + " + 1) AS INT) - " + yearsBack + " AS VARCHAR) END";
  }

  private String yearsEarlier(String date, String years) {
    return postgres ? "CAST(" + date + " - (" + years + ") * INTERVAL '1 year' AS DATE)"
        : "DATEADD(YEAR, -(" + years + "), " + date + ")";
  }
}
