package org.ehcpathway.notification;

import java.util.List;
import java.util.Map;
import org.ehcpathway.notification.Notification.Channel;
import org.ehcpathway.notification.Recipients.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a case's notifications to the outbox: one message per recipient, the body rendered from a template
 * in templates/mail/, a subject that names the case reference but never the child. The dedupe key is the kind,
 * the case, the {@code occasion} (what within the case, e.g. an advice request or a deadline) and the address:
 * the same occasion never notifies the same address twice.
 */
@Component
public class CaseNotifications {

  private final Outbox outbox;
  private final MailTemplates templates;
  private final String baseUrl;

  public CaseNotifications(Outbox outbox, MailTemplates templates,
      @Value("${ehc.notification.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.templates = templates;
    this.baseUrl = baseUrl;
  }

  public void email(String caseReference, String kind, String occasion, List<Recipient> recipients, String subject,
      String template, Map<String, Object> variables) {
    String body = templates.render(template, variables);
    for (Recipient recipient : recipients) {
      outbox.enqueue(new Notification(caseReference, kind, Channel.EMAIL, recipient.email(), recipient.label(),
          subject, body, dedupeKey(kind, caseReference, occasion, recipient.email())));
    }
  }

  /** To the family: by email when the case has their address, otherwise a letter to print and post. */
  public void toFamily(String caseReference, String kind, String occasion, String familyEmail, String subject,
      String body) {
    Channel channel = familyEmail == null ? Channel.LETTER : Channel.EMAIL;
    outbox.enqueue(new Notification(caseReference, kind, channel, familyEmail, "family", subject, body,
        dedupeKey(kind, caseReference, occasion, "family")));
  }

  static String dedupeKey(String kind, String caseReference, String occasion, String address) {
    return kind + ":" + caseReference + ":" + occasion + ":" + address;
  }

  /** A link that opens the task in Tasklist. */
  public String taskLink(String taskId) {
    return taskId == null ? baseUrl + "/camunda/app/tasklist/default/"
        : baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** A link to the case in the case API. */
  public String caseLink(String caseReference) {
    return baseUrl + "/api/cases/" + caseReference;
  }
}
