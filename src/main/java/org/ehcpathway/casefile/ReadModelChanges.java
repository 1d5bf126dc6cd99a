package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the stored report figures of closed months ({@code report_month}) true to the read model. Every write to
 * the read model that can change a report figure tells this class the dates it writes (and, where it replaces one,
 * the date it replaces). A write dated today changes only the current month, which is never stored; a write dated
 * into an earlier month (a backdated return of advice, an imported plan, a decision recorded for an earlier panel)
 * drops that month and every later one from the store.
 *
 * <p>The drop happens in the writer's transaction, just before it commits (after all its other writes, so it never
 * holds the generation row while waiting for another lock), and adds one to the store's generation: a report that
 * counted the months before this write committed sees a new generation and does not store them.
 *
 * <p>The engine clock can be moved back (tests, the simulator). Then a write dated "today" can fall into a month
 * stored when the clock was later; such a write drops every stored month. The latest day on which figures were
 * stored is remembered for the whole JVM, as the engine clock is.
 */
@Component
public class ReadModelChanges {

  private static final AtomicReference<LocalDate> LATEST_STORED_ON = new AtomicReference<>();
  private static final LocalDate NOTHING_STORED = LocalDate.MIN;
  private static final LocalDate EVERY_MONTH = LocalDate.of(1, 1, 1);

  private final JdbcClient jdbc;
  private final EngineClock clock;

  public ReadModelChanges(JdbcClient jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A write to the read model dated on these days (nulls ignored). Call it after the write's statements: outside a
   * transaction the drop happens at once, and must follow the write, not precede it.
   */
  public void datedOn(LocalDate... dates) {
    LocalDate earliest = Stream.of(dates).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    if (earliest == null) {
      return;
    }
    LocalDate today = clock.today();
    if (today.isBefore(latestStoredOn())) {
      dropFrom(EVERY_MONTH);
    } else if (earliest.isBefore(today.withDayOfMonth(1))) {
      dropFrom(earliest.withDayOfMonth(1));
    }
  }

  /**
   * The read model was written past {@code CaseRecords} and {@code PlanRecords} (SQL by hand, a migration, the
   * benchmarks' copies): every kept month is dropped now. Call it after those writes.
   */
  public void writtenElsewhere() {
    drop(EVERY_MONTH);
    dropped(EVERY_MONTH);
  }

  /** Stored figures of months from {@code monthStart} on are wrong: drop them when this write commits. */
  private void dropFrom(LocalDate monthStart) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      drop(monthStart);
      dropped(monthStart);
      return;
    }
    // The current transaction's own synchronizations only: an outer transaction's are suspended, not listed.
    PendingDrop pending = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(PendingDrop.class::isInstance).map(PendingDrop.class::cast).findFirst().orElse(null);
    if (pending == null) {
      TransactionSynchronizationManager.registerSynchronization(new PendingDrop(monthStart));
    } else if (monthStart.isBefore(pending.from)) {
      pending.from = monthStart;
    }
  }

  private void drop(LocalDate from) {
    jdbc.sql("UPDATE report_month_generation SET generation = generation + 1 WHERE id = 1").update();
    jdbc.sql("DELETE FROM report_month WHERE month_start >= ?").param(from).update();
  }

  private static void dropped(LocalDate from) {
    if (from.equals(EVERY_MONTH)) {
      LATEST_STORED_ON.set(NOTHING_STORED);
    }
  }

  /** The generation before counting: {@link #storedIfUnchanged} keeps figures only if it has not moved. */
  public long generation() {
    return jdbc.sql("SELECT generation FROM report_month_generation WHERE id = 1").query(Long.class).single();
  }

  /**
   * Locks the generation row for the caller's transaction and says whether it is still {@code generation}; the
   * caller stores its months in the same transaction only if so.
   */
  public boolean lockIfUnchanged(long generation) {
    return jdbc.sql("SELECT generation FROM report_month_generation WHERE id = 1 FOR UPDATE").query(Long.class)
        .single() == generation;
  }

  /** Figures were stored on {@code today}. */
  public void stored(LocalDate today) {
    latestStoredOn();
    LATEST_STORED_ON.accumulateAndGet(today, (a, b) -> a == null || b.isAfter(a) ? b : a);
  }

  private LocalDate latestStoredOn() {
    LocalDate latest = LATEST_STORED_ON.get();
    if (latest == null) {
      LocalDate inStore = jdbc.sql("SELECT MAX(stored_on) FROM report_month")
          .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single().orElse(NOTHING_STORED);
      LATEST_STORED_ON.compareAndSet(null, inStore);
      latest = LATEST_STORED_ON.get();
    }
    return latest;
  }

  /** The earliest month this transaction dropped; applied just before it commits. */
  private final class PendingDrop implements TransactionSynchronization {
    private LocalDate from;

    PendingDrop(LocalDate from) {
      this.from = from;
    }

    @Override
    public int getOrder() {
      return LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      drop(from);
    }

    @Override
    public void afterCommit() {
      dropped(from);
    }

  }
}
