package org.ehcpathway.casefile;

import java.time.LocalDate;

/** One line of the case list. */
public record CaseSummary(String caseReference, CaseStatus status, String stage, LocalDate requestReceivedDate,
    CaseView.NextDeadline nextDeadline, CaseView.RagStatus rag) {
}
