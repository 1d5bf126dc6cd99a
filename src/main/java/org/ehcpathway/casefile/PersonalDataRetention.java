package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.ehcpathway.statutory.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the personal data of cases closed longer ago than {@code ehc.retention.after-closure} (an ISO-8601
 * period, default P6Y): refused, not issued, withdrawn, or with a ceased plan. A plan in force is never touched.
 * The child's names become "Removed"; date of birth, postcode, UPN, ethnicity, the family's email, advice summaries, reasons,
 * notice texts, exception evidence and milestone details are cleared; the case's emails leave the outbox and its
 * finished processes leave Camunda's history. Dates, statuses and outcomes stay, so past figures do not change.
 * One case per transaction; "today" is the engine clock's.
 */
@Service
public class PersonalDataRetention {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);
  static final String REMOVED = "Removed";

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final EngineClock clock;
  private final TransactionTemplate transactions;
  private final Period keepFor;

  public PersonalDataRetention(JdbcClient jdbc, HistoryService historyService, EngineClock clock,
      TransactionTemplate transactions, @Value("${ehc.retention.after-closure:P6Y}") Period keepFor) {
    if (keepFor.isNegative() || keepFor.isZero()) {
      throw new IllegalStateException("ehc.retention.after-closure must be a positive period, not " + keepFor);
    }
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.clock = clock;
    this.transactions = transactions;
    this.keepFor = keepFor;
  }

  /** The last day a case closed on {@code closed} keeps its personal data. */
  public LocalDate keptUntil(LocalDate closed) {
    return closed.plus(keepFor);
  }

  @Scheduled(cron = "${ehc.retention.schedule:0 30 2 * * *}", zone = "Europe/London")
  public void removeExpiredOnSchedule() {
    int removed = removeExpired();
    if (removed > 0) {
      LOG.info("Retention: personal data removed from {} closed case(s)", removed);
    }
  }

  /** Returns how many cases had their personal data removed now. */
  public int removeExpired() {
    LocalDate closedOnOrBefore = clock.today().minus(keepFor).minusDays(1);
    List<String> expired = jdbc.sql("""
            SELECT case_reference FROM ehc_case
            WHERE status IN ('NOT_ASSESSED', 'NO_PLAN', 'WITHDRAWN', 'CEASED') AND closed_date <= ?
              AND personal_data_removed_date IS NULL ORDER BY closed_date""")
        .param(closedOnOrBefore).query(String.class).list();
    expired.forEach(reference -> transactions.executeWithoutResult(status -> remove(reference)));
    return expired.size();
  }

  private void remove(String reference) {
    jdbc.sql("""
            UPDATE ehc_case SET child_forename = ?, child_surname = ?, child_date_of_birth = NULL,
              child_postcode = NULL, child_upn = NULL, child_ethnicity = NULL, family_email = NULL,
              personal_data_removed_date = ?
            WHERE case_reference = ?""")
        .params(REMOVED, REMOVED, clock.today(), reference).update();
    jdbc.sql("UPDATE case_advice SET summary = NULL, closed_without_reason = NULL WHERE case_reference = ?")
        .param(reference).update();
    jdbc.sql("UPDATE case_notice SET body = ? WHERE case_reference = ?").params(REMOVED, reference).update();
    jdbc.sql("UPDATE case_exception SET evidence = ? WHERE case_reference = ?").params(REMOVED, reference).update();
    jdbc.sql("UPDATE case_milestone SET detail = NULL WHERE case_reference = ?").param(reference).update();
    jdbc.sql("DELETE FROM notification_outbox WHERE case_reference = ?").param(reference).update();
    List<String> finished = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .finished().list().stream().map(HistoricProcessInstance::getId).toList();
    if (!finished.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(finished);
    }
  }
}
