package org.ehcpathway.notification;

import java.time.Instant;

/** One row of the outbox as {@code GET /api/notifications} shows it. */
public record NotificationView(long id, String caseReference, String kind, Notification.Channel channel, String to,
    String toLabel, String subject, String body, String status, int attempts, Instant createdAt, Instant sentAt) {
}
