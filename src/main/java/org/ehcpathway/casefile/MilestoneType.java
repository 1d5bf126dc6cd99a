package org.ehcpathway.casefile;

/** Steps of a case that the statute or the DfE returns care about; each is dated by the engine clock. */
public enum MilestoneType {
  REQUEST_RECEIVED,
  DECISION_TO_ASSESS,
  DECISION_NOT_TO_ASSESS,
  ADVICE_REQUESTED,
  ADVICE_RETURNED,
  ADVICE_REMINDER_SENT,
  ADVICE_OVERDUE,
  ADVICE_ESCALATED,
  ADVICE_ESCALATED_TO_MANAGERS,
  /** A caseworker decided to keep waiting for overdue advice. */
  ADVICE_WAIT_DECIDED,
  /** The case went on without this advice: existing advice suffices, or it was not received in time. */
  ADVICE_PROCEEDED_WITHOUT,
  DECISION_TO_ISSUE,
  DECISION_NOT_TO_ISSUE,
  DRAFT_PLAN_SERVED,
  REPRESENTATIONS_RECEIVED,
  REPRESENTATION_WINDOW_CLOSED,
  PERSONAL_BUDGET_REQUESTED,
  MEETING_REQUESTED,
  SETTING_CONSULTED,
  SETTING_RESPONDED,
  PROVISION_AGREED,
  FINAL_PLAN_ISSUED,
  NOTICE_ISSUED,
  DEADLINE_AMBER,
  DEADLINE_RED,
  EXCEPTION_RECORDED,
  REQUEST_WITHDRAWN
}
