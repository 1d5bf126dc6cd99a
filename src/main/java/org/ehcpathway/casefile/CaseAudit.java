package org.ehcpathway.casefile;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A case's audit trail: Camunda's user operation log for every process of the case (the pathway, each advice
 * request, the reviews and the deadline watches: all share the case reference as business key) merged with the
 * milestones on the case record, oldest first.
 */
@Service
public class CaseAudit {

  private final HistoryService historyService;
  private final JdbcClient jdbc;
  private final CaseRecords records;

  public CaseAudit(HistoryService historyService, JdbcClient jdbc, CaseRecords records) {
    this.historyService = historyService;
    this.jdbc = jdbc;
    this.records = records;
  }

  public List<AuditEntry> trail(String reference) {
    records.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    List<AuditEntry> trail = new ArrayList<>(engineOperations(reference));
    trail.addAll(milestones(reference));
    trail.sort(Comparator.comparing(AuditEntry::at));
    return trail;
  }

  private List<AuditEntry> engineOperations(String reference) {
    List<AuditEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance process : historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list()) {
      // One operation (a task completed with its variables) is several log rows sharing an operation id.
      Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
      for (UserOperationLogEntry row : historyService.createUserOperationLogQuery()
          .processInstanceId(process.getId()).orderByTimestamp().asc().list()) {
        operations.computeIfAbsent(row.getOperationId(), id -> new ArrayList<>()).add(row);
      }
      operations.values().forEach(rows -> entries.add(operation(rows)));
    }
    return entries;
  }

  private AuditEntry operation(List<UserOperationLogEntry> rows) {
    UserOperationLogEntry first = rows.get(0);
    String taskName = null;
    List<String> services = List.of();
    if (first.getTaskId() != null) {
      HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(first.getTaskId())
          .singleResult();
      taskName = task == null ? null : task.getName();
      services = historyService.createHistoricIdentityLinkLogQuery().taskId(first.getTaskId())
          .type("candidate").list().stream().map(HistoricIdentityLinkLog::getGroupId)
          .filter(group -> group != null).distinct().sorted().toList();
    }
    String what = first.getOperationType() + " " + first.getEntityType()
        + (taskName == null ? "" : " '" + taskName + "'");
    // Property names only: the values are case data and stay in the case record.
    String properties = rows.stream().map(UserOperationLogEntry::getProperty).filter(p -> p != null).distinct()
        .reduce((a, b) -> a + ", " + b).orElse(null);
    return new AuditEntry(first.getTimestamp().toInstant(), "ENGINE", first.getUserId(), what, properties,
        services);
  }

  private List<AuditEntry> milestones(String reference) {
    return jdbc.sql("""
            SELECT recorded_at, recorded_by, milestone_type, milestone_date, detail FROM case_milestone
            WHERE case_reference = ? ORDER BY recorded_at, id""")
        .param(reference)
        .query((rs, n) -> new AuditEntry(rs.getObject(1, Timestamp.class).toInstant(), "CASE", rs.getString(2),
            rs.getString(3), "dated " + rs.getObject(4, java.time.LocalDate.class)
                + (rs.getString(5) == null ? "" : ": " + rs.getString(5)), List.of()))
        .list();
  }
}
