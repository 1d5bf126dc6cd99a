package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ehcpathway.advice.AdviceType;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.MailTemplates;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is invited to a review meeting, and when (reg 20(3)): the family, the school (the members of
 * {@code education-advisers}) and each service asked for advice ({@code ehc.review.advice-types}), at least 2 weeks
 * before the meeting. A meeting that moves tells the same people its new date.
 */
@Component
class ReviewInvitations {

  private final CaseRecords cases;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final CouncilProperties council;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final List<AdviceType> adviceTypes;

  ReviewInvitations(CaseRecords cases, CaseNotifications notifications, Recipients recipients, MailTemplates templates,
      CouncilProperties council, StatutoryDeadlines rules, EngineClock clock,
      @Value("${ehc.review.advice-types:EDUCATIONAL,HEALTH,SOCIAL_CARE}") List<AdviceType> adviceTypes) {
    this.cases = cases;
    this.notifications = notifications;
    this.recipients = recipients;
    this.templates = templates;
    this.council = council;
    this.rules = rules;
    this.clock = clock;
    this.adviceTypes = List.copyOf(adviceTypes);
  }

  /** The advice asked for when a meeting is set: those who give it are invited. */
  List<AdviceType> adviceTypes() {
    return adviceTypes;
  }

  /**
   * Invitations go out today, so the meeting must be at least 2 weeks away (reg 20(3)); and no more than 12 months
   * away, the longest a review cycle runs, so a mistyped year is caught.
   */
  void requireNotice(LocalDate meeting) {
    LocalDate today = clock.today();
    if (meeting.isBefore(today) || rules.reviewInvitationsBy(meeting).isBefore(today)) {
      throw new InvalidInputException("meetingDate", "must be at least 2 weeks after today's invitations"
          + " (reg 20(3)); " + meeting + " is too soon");
    }
    if (meeting.isAfter(rules.annualReview(today))) {
      throw new InvalidInputException("meetingDate", "must be within 12 months of today (" + today + "); "
          + meeting + " is too far ahead");
    }
  }

  void invite(String reference, LocalDate meeting) {
    send(reference, "REVIEW_INVITATION", meeting.toString(), "review-invitation",
        reference + ": annual review meeting on " + LetterDates.format(meeting), variables(reference, meeting));
  }

  /** {@code occasion} tells one move from another, so that moving back to an earlier date is told too. */
  void meetingMoved(String reference, LocalDate was, LocalDate meeting, String occasion) {
    Map<String, Object> variables = variables(reference, meeting);
    variables.put("previousMeetingDate", LetterDates.format(was));
    variables.put("adviceDueDate", LetterDates.format(rules.reviewAdviceDue(meeting)));
    send(reference, "REVIEW_MEETING_MOVED", occasion, "review-meeting-moved",
        reference + ": annual review meeting moved to " + LetterDates.format(meeting), variables);
  }

  private Map<String, Object> variables(String reference, LocalDate meeting) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("meetingDate", LetterDates.format(meeting));
    variables.put("council", council);
    return variables;
  }

  private void send(String reference, String kind, String occasion, String template, String subject,
      Map<String, Object> variables) {
    String familyEmail = cases.find(reference).map(row -> row.familyEmail()).orElse(null);
    notifications.toFamily(reference, kind, occasion, familyEmail, subject, templates.render(template, variables));
    List<Recipients.Recipient> invited = Stream.concat(Stream.of(Groups.EDUCATION_ADVISERS),
            adviceTypes.stream().map(AdviceType::answeringGroup))
        .distinct().flatMap(group -> recipients.group(group).stream()).distinct().toList();
    notifications.email(reference, kind, occasion, invited, subject, template, variables);
  }
}
