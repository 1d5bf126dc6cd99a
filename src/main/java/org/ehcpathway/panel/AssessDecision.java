package org.ehcpathway.panel;

public enum AssessDecision {
  ASSESS, DO_NOT_ASSESS
}
