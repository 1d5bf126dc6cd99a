package org.ehcpathway.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.ehcpathway.statutory.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox over {@code notification_outbox}. {@link #enqueue} joins the caller's transaction (the engine's,
 * for a process step), so a notification is stored if and only if the step that caused it commits.
 */
@Repository
public class JdbcOutbox implements Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);
  static final int KEY_LENGTH = 200;

  private final JdbcClient jdbc;
  private final EngineClock clock;
  /** A savepoint inside the caller's transaction, so a lost dedupe race does not spoil it (PostgreSQL). */
  private final TransactionTemplate savepoint;

  public JdbcOutbox(JdbcClient jdbc, EngineClock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public boolean enqueue(Notification notification) {
    validate(notification);
    String dedupeKey = storedKey(notification.dedupeKey());
    if (exists(dedupeKey)) {
      LOG.debug("Notification {} already in the outbox; not stored again", notification.kind());
      return false;
    }
    try {
      if (TransactionSynchronizationManager.isActualTransactionActive()) {
        savepoint.executeWithoutResult(status -> insert(notification, dedupeKey));
      } else {
        insert(notification, dedupeKey);
      }
      LOG.debug("Notification {} ({}) stored in the outbox", notification.kind(), notification.channel());
      return true;
    } catch (DuplicateKeyException concurrentEnqueue) {
      LOG.debug("Notification {} stored concurrently by another transaction; not stored again",
          notification.kind());
      return false;
    }
  }

  /** The outbox, newest first, optionally for one case. */
  /** A letter to print has been printed and posted: 1 if it was waiting to be, 0 otherwise. */
  public int markPosted(long id) {
    return jdbc.sql("UPDATE notification_outbox SET status = 'POSTED', sent_at = ? WHERE id = ? AND status = 'TO_PRINT'")
        .params(java.sql.Timestamp.from(clock.now()), id).update();
  }

  public boolean exists(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE id = ?").param(id).query(Long.class).single() > 0;
  }

  public List<NotificationView> list(String caseReference, int limit, long offset) {
    String where = caseReference == null ? "" : "WHERE case_reference = :caseReference ";
    JdbcClient.StatementSpec query = jdbc.sql("""
            SELECT id, case_reference, kind, channel, recipient, recipient_label, subject, body, status, attempts,
              created_at, sent_at
            FROM notification_outbox %sORDER BY id DESC LIMIT :limit OFFSET :offset""".formatted(where))
        .param("limit", limit)
        .param("offset", offset);
    if (caseReference != null) {
      query = query.param("caseReference", caseReference);
    }
    return query.query(JdbcOutbox::view).list();
  }

  private boolean exists(String dedupeKey) {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key = ?").param(dedupeKey)
        .query(Long.class).single() > 0;
  }

  /**
   * The key as stored: a key longer than the column (a long email address in it) keeps its first 135 characters
   * and gets the SHA-256 of the whole key, so it stays unique and the same key always maps to the same value.
   */
  static String storedKey(String key) {
    if (key.length() <= KEY_LENGTH) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return key.substring(0, KEY_LENGTH - 65) + "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private void insert(Notification n, String dedupeKey) {
    Timestamp now = Timestamp.from(clock.now());
    String status = n.channel() == Notification.Channel.LETTER ? "TO_PRINT" : "PENDING";
    jdbc.sql("""
            INSERT INTO notification_outbox (case_reference, kind, channel, recipient, recipient_label, subject, body,
              dedupe_key, status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
        .params(n.caseReference(), n.kind(), n.channel().name(), n.recipient(), n.recipientLabel(), n.subject(),
            n.body(), dedupeKey, status, now, now)
        .update();
  }

  /** Rejects what the table cannot hold, naming the field but never quoting it (it may be a child's data). */
  private static void validate(Notification n) {
    require(n != null, "notification is required");
    require(n.channel() != null, "channel is required");
    require(n.channel() != Notification.Channel.EMAIL || (n.recipient() != null && !n.recipient().isBlank()),
        "an EMAIL needs a recipient");
    require(notBlank(n.kind()) && n.kind().length() <= 40, "kind is required, at most 40 characters");
    require(notBlank(n.dedupeKey()), "dedupeKey is required");
    require(notBlank(n.subject()) && n.subject().length() <= 300, "subject is required, at most 300 characters");
    require(n.body() != null && n.body().length() <= 8000, "body is required, at most 8000 characters");
    require(n.caseReference() == null || n.caseReference().length() <= 20,
        "caseReference is at most 20 characters");
    require(n.recipient() == null || n.recipient().length() <= 320, "recipient is at most 320 characters");
    require(n.recipientLabel() == null || n.recipientLabel().length() <= 200,
        "recipientLabel is at most 200 characters");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Invalid notification: " + message);
    }
  }

  private static boolean notBlank(String text) {
    return text != null && !text.isBlank();
  }

  private static NotificationView view(ResultSet rs, int row) throws SQLException {
    return new NotificationView(rs.getLong("id"), rs.getString("case_reference"), rs.getString("kind"),
        Notification.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
        rs.getString("recipient_label"), rs.getString("subject"), rs.getString("body"), rs.getString("status"),
        rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "sent_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
