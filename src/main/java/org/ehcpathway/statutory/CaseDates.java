package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The recorded dates a case's clocks start from, read from the case record rather than from process variables,
 * which any task completion could overwrite.
 */
public interface CaseDates {

  LocalDate requestReceived(String caseReference);

  Optional<LocalDate> draftServed(String caseReference);

  /** The advice request run by process instance {@code adviceProcessInstanceId}, as recorded when it was made. */
  AdviceRequestDates adviceRequest(String adviceProcessInstanceId);
}
