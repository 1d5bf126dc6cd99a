package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.statutory.LetterDates;
import org.springframework.stereotype.Component;

/**
 * A review meeting arranged after the latest date that leaves 4 weeks for the decision by the review's due date:
 * after a review is brought forward for a phase transfer, or after the meeting is moved. The caseworker who logged
 * the case and the managers are told at once, rather than at the review's AMBER two weeks before it is due.
 */
@Component
class ReviewMeetingWarning {

  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final CaseRecords cases;
  private final CouncilProperties council;

  ReviewMeetingWarning(CaseNotifications notifications, Recipients recipients, CaseRecords cases,
      CouncilProperties council) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.cases = cases;
    this.council = council;
  }

  /**
   * {@code why}: the sentence that says what happened; {@code occasion}: what tells this warning from another of the
   * case's. {@code latestMeeting} may have passed already (a transfer recorded late): then "as soon as you can".
   */
  void send(String reference, String occasion, String why, LocalDate meeting, LocalDate latestMeeting, LocalDate due,
      LocalDate today) {
    String holdBy = latestMeeting.isBefore(today) ? "as soon as you can" : "by " + LetterDates.format(latestMeeting);
    List<Recipients.Recipient> told = recipients.caseworkerAndManagers(
        cases.find(reference).map(row -> row.createdBy()).orElse(null));
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("why", why);
    variables.put("dueDate", LetterDates.format(due));
    variables.put("meetingDate", LetterDates.format(meeting));
    variables.put("latestMeetingDate", LetterDates.format(latestMeeting));
    variables.put("holdBy", holdBy);
    variables.put("caseLink", notifications.caseLink(reference));
    variables.put("council", council);
    notifications.email(reference, "REVIEW_MEETING_TOO_LATE", occasion, told,
        reference + ": review meeting on " + LetterDates.format(meeting) + " is too late - hold it "
            + holdBy, "review-meeting-too-late", variables);
  }
}
