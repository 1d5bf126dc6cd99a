package org.ehcpathway.notification;

/**
 * One message to one recipient, as written to the outbox in the same transaction as the process step that
 * caused it. {@code dedupeKey} is unique: enqueueing the same key twice keeps the first (a retried job or a
 * timer that fires again sends nothing twice).
 *
 * @param kind what the message is about, e.g. ADVICE_REMINDER, ADVICE_OVERDUE, DEADLINE_AMBER, REFUSAL_TO_ASSESS
 * @param recipient the email address; null for a letter with no known address
 * @param recipientLabel who the recipient is, for people reading the outbox ("health-advisers: health",
 *     "Designated Clinical Officer", "family")
 * @param channel EMAIL is sent by the outbox sender; LETTER stays in the outbox to be printed and posted
 */
public record Notification(String caseReference, String kind, Channel channel, String recipient,
    String recipientLabel, String subject, String body, String dedupeKey) {

  public enum Channel {
    EMAIL, LETTER
  }
}
