package org.ehcpathway.statutory;

import java.time.LocalDate;
import java.util.Optional;

/** The recorded dates of a plan's current review cycle, which its clocks start from. */
public interface ReviewDates {

  /** The date the current cycle's 12 months run from: the plan's issue, then the previous review decision. */
  LocalDate reviewBase(String caseReference);

  LocalDate reviewDue(String caseReference);

  Optional<LocalDate> meetingDate(String caseReference);

  Optional<LocalDate> amendmentsSent(String caseReference);

  /** The day a plan moved in from another council; empty for the council's own plans. */
  Optional<LocalDate> transferDate(String caseReference);

  /** The day by which a plan moving to another council must be transferred (reg 15(2)); empty if none is moving. */
  Optional<LocalDate> transferOutDue(String caseReference);

  /** The day a decision to cease the plan takes effect unless the family appeals; empty if none is pending. */
  Optional<LocalDate> ceasesOn(String caseReference);

  /** The day of a decision to cease the plan that the family has appealed and the tribunal has not yet decided. */
  Optional<LocalDate> ceaseDecisionUnderAppeal(String caseReference);
}
