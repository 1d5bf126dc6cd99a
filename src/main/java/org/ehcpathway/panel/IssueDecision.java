package org.ehcpathway.panel;

public enum IssueDecision {
  ISSUE, DO_NOT_ISSUE
}
