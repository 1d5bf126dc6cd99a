package org.ehcpathway.advice;

public enum AdviceOutcome {
  ADVICE_GIVEN, NO_NEEDS_IDENTIFIED, EXISTING_ADVICE_SUFFICIENT
}
