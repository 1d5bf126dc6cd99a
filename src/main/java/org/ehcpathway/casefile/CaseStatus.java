package org.ehcpathway.casefile;

public enum CaseStatus {
  OPEN, NOT_ASSESSED, NO_PLAN, PLAN_ISSUED, WITHDRAWN, CEASED
}
