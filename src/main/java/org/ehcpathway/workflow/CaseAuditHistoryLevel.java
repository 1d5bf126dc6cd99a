package org.ehcpathway.workflow;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history the product keeps ({@code camunda.bpm.history-level: case-audit}; docs/architecture.md and
 * docs/data-protection.md): what the audit trail ({@code GET /api/cases/{ref}/audit}), personal-data removal and
 * operations need, and nothing else.
 * <ul>
 *   <li>kept: process instances (start, end, business key: the audit trail finds a case's processes by it, the
 *   retention job deletes them), task instances (the step's name), task identity links (which service a step was
 *   for), the user operation log (who did what, and the names of the variables they set), incidents;</li>
 *   <li>dropped: activity instances, variable instances and every variable update (case data belongs in the
 *   case record, and the values would be personal data kept twice), job logs, DMN evaluations, external tasks
 *   and CMMN.</li>
 * </ul>
 * The figures (reports, SEN2, dashboard) read the case read model, never the engine's history.
 */
public final class CaseAuditHistoryLevel implements HistoryLevel {

  public static final String NAME = "case-audit";
  /** Ids 0 to 3 are Camunda's own levels. */
  public static final int ID = 20;

  private static final Set<HistoryEventType> KEPT = Set.of(
      HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
      HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
      HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
      HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
      HistoryEventTypes.TASK_INSTANCE_DELETE,
      HistoryEventTypes.IDENTITY_LINK_ADD, HistoryEventTypes.IDENTITY_LINK_DELETE,
      HistoryEventTypes.USER_OPERATION_LOG,
      HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
      HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE,
      HistoryEventTypes.BATCH_START, HistoryEventTypes.BATCH_END, HistoryEventTypes.BATCH_UPDATE);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return KEPT.contains(eventType);
  }
}
