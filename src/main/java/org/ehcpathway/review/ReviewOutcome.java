package org.ehcpathway.review;

public enum ReviewOutcome {
  MAINTAIN, AMEND, CEASE
}
