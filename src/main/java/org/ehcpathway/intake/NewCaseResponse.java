package org.ehcpathway.intake;

import org.ehcpathway.statutory.CaseDeadlines;

public record NewCaseResponse(String caseReference, String processInstanceId, CaseDeadlines deadlines) {
}
