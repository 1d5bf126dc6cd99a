package org.ehcpathway.notification;

/**
 * The transactional outbox: notifications are stored with the process step that caused them and sent later
 * by the outbox sender, with retries. Callers run inside the engine's (or the API's) transaction.
 */
public interface Outbox {

  /** Stores the notification unless one with the same dedupe key exists; returns whether it was stored. */
  boolean enqueue(Notification notification);
}
