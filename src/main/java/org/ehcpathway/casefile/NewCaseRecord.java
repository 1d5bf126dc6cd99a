package org.ehcpathway.casefile;

import java.time.LocalDate;
import org.ehcpathway.statutory.CaseDeadlines;

/** What is stored when a request for assessment is logged. */
public record NewCaseRecord(String forename, String surname, LocalDate dateOfBirth, String sex, String postcode,
    String upn, LocalDate requestReceivedDate, String requestSource, CaseDeadlines deadlines, String createdBy,
    String familyEmail) {
}
