package org.ehcpathway.simulation;

import java.time.LocalDate;
import java.util.List;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.ExceptionGround;
import org.ehcpathway.casefile.ExceptionRegister;
import org.ehcpathway.casefile.ExceptionRequest;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What happens to a simulated case off the task list, on the day its script drew: the family withdraws the request,
 * or tells the caseworker they will be abroad (a reg 13(3) exception). Each is done as the product's own API does it.
 */
@Component
class SimulatedCaseEvents {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedCaseEvents.class);

  private final CaseRecords records;
  private final CaseFile caseFile;
  private final ExceptionRegister exceptions;
  private final EngineClock clock;

  SimulatedCaseEvents(CaseRecords records, CaseFile caseFile, ExceptionRegister exceptions, EngineClock clock) {
    this.records = records;
    this.caseFile = caseFile;
    this.exceptions = exceptions;
    this.clock = clock;
  }

  /** Withdraws the request if the case is still open. */
  void withdraw(String reference) {
    if (isOpen(reference)) {
      // as POST /api/cases/{ref}/withdraw does it: the caseworker signed in to the API, not to the engine
      SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          "caseworker", null, List.of(new SimpleGrantedAuthority(Groups.CASEWORKERS))));
      try {
        caseFile.withdraw(reference, "The family moved their child to a school that meets the needs.");
      } finally {
        SecurityContextHolder.clearContext();
      }
    }
  }

  /** Records five weeks abroad from today if the case is still open; false if the product refused it. */
  boolean recordException(String reference) {
    if (!isOpen(reference)) {
      return true;
    }
    LocalDate today = clock.today();
    try {
      exceptions.record(reference, new ExceptionRequest(ExceptionGround.ABSENT_FROM_AREA, today,
          today.plusDays(34), "The family told the caseworker they are abroad for five weeks.",
          ExceptionRequest.AppliesTo.FINAL_PLAN, null), "caseworker");
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Simulation could not record the exception on {}: {}", reference, e.getMessage());
      return false;
    }
  }

  private boolean isOpen(String reference) {
    return records.find(reference).map(row -> row.status() == CaseStatus.OPEN).orElse(false);
  }
}
