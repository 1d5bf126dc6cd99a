package org.ehcpathway.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A SEN2 return as the 2024 schema shapes it ({@code Message}: {@code Header}, {@code Persons}). Codes are the
 * schema's; a null field is left out of the XML. See docs/sen2.md for where each value comes from.
 */
public record Sen2Return(Header header, List<Person> persons) {

  public record Header(int year, LocalDate referenceDate, String laCode, String softwareCode, String release,
      String serialNo, LocalDateTime dateTime, String dmo, String dco) {
  }

  public record Person(String surname, String forename, LocalDate birthDate, String sex, String ethnicity,
      String postcode, String upn, List<Request> requests) {
  }

  /** One request for assessment; {@code caseReference} is ours and is not part of the XML. */
  public record Request(String caseReference, LocalDate receivedDate, Boolean fromYoungPerson, LocalDate outcomeDate,
      String outcome, Assessment assessment, ActivePlan activePlan) {
  }

  /** {@code outcome} Y, N, A, W or H; {@code week20}: a reg 13(3) exception applies (only with a plan to issue). */
  public record Assessment(String outcome, LocalDate outcomeDate, Boolean week20, NamedPlan namedPlan) {
  }

  public record NamedPlan(LocalDate startDate, Setting setting, LocalDate ceaseDate, String ceaseReason) {
  }

  /** The setting named in the plan: {@code senSetting} a schema code, {@code other} its free-text name. */
  public record Setting(String senSetting, String other) {
  }

  /** A plan in force during the period, with its placement, needs (1 or 2) and latest review. */
  public record ActivePlan(String transferLa, Setting setting, LocalDate entryDate, LocalDate leavingDate,
      List<String> needs, LocalDate reviewMeeting, String reviewOutcome, LocalDate lastReview) {
  }
}
