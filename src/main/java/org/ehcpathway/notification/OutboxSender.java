package org.ehcpathway.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.ehcpathway.statutory.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's emails, with retries and backoff. Every row is claimed before it is sent (a conditional
 * update, PENDING to SENDING), so two nodes never send the same row; each state change commits on its own, so a
 * crash loses nothing. A crash after the SMTP server accepted a message but before it was marked SENT sends it
 * once more when the claim expires, with the same Message-ID, {@code <outbox-{id}@ehc-pathway>}.
 *
 * <p>Exists only when a mail server is configured ({@code spring.mail.host}, which makes Spring Boot create the
 * {@link JavaMailSender}); without one, emails stay in the outbox, readable at {@code GET /api/notifications}.
 * It runs every {@code ehc.notification.send-interval} unless {@code ehc.notification.sender.enabled} is false
 * ({@link NotificationConfiguration.ScheduledSending}); tests call {@link #sendDue()} themselves.
 *
 * <p>Logs ids and kinds only: subjects, bodies and addresses are about children and never reach the log.
 */
@Component
@Conditional(NotificationConfiguration.MailServerConfigured.class)
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  static final int BATCH = 50;

  private final JdbcClient jdbc;
  private final JavaMailSender mail;
  private final EngineClock clock;
  private final TransactionTemplate transaction;
  private final String from;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final int maxAttempts;
  private final Duration claim;

  public OutboxSender(JdbcClient jdbc, JavaMailSender mail, EngineClock clock, PlatformTransactionManager transactions,
      @Value("${ehc.notification.from:ehc-pathway@council.example}") String from,
      @Value("${ehc.notification.retry.initial-delay:PT1M}") Duration initialDelay,
      @Value("${ehc.notification.retry.max-delay:PT1H}") Duration maxDelay,
      @Value("${ehc.notification.retry.max-attempts:10}") int maxAttempts,
      @Value("${ehc.notification.claim:PT5M}") Duration claim) {
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("ehc.notification.retry: initial-delay must be positive, max-delay at "
          + "least initial-delay, max-attempts at least 1");
    }
    this.jdbc = jdbc;
    this.mail = mail;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.from = from;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.maxAttempts = maxAttempts;
    this.claim = claim;
  }

  /** Sends every email due now, oldest first; returns how many were sent. */
  public int sendDue() {
    Instant now = clock.now();
    releaseExpiredClaims(now);
    int sent = 0;
    long after = 0;
    List<Due> batch;
    do {
      batch = due(now, after);
      for (Due row : batch) {
        after = row.id();
        if (send(row)) {
          sent++;
        }
      }
    } while (batch.size() == BATCH);
    if (sent > 0) {
      LOG.info("Outbox: {} email(s) sent", sent);
    }
    return sent;
  }

  private record Due(long id, String kind) {
  }

  private List<Due> due(Instant now, long after) {
    return jdbc.sql("""
            SELECT id, kind FROM notification_outbox
            WHERE status = 'PENDING' AND next_attempt_at <= ? AND channel = 'EMAIL' AND id > ?
            ORDER BY id LIMIT ?""")
        .params(Timestamp.from(now), after, BATCH)
        .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("kind"))).list();
  }

  /**
   * A row left in SENDING past its claim (its sender stopped mid-send) counts as a failed attempt and is due
   * again at once; whether the SMTP server accepted it is unknown, so it may be sent a second time.
   */
  private void releaseExpiredClaims(Instant now) {
    int released = transaction.execute(status -> jdbc.sql("""
            UPDATE notification_outbox
            SET status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
              attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL,
              last_error = 'Claim expired: the sender stopped while sending; delivery unknown'
            WHERE status = 'SENDING' AND claimed_until < ?""")
        .params(maxAttempts, Timestamp.from(now), Timestamp.from(now)).update());
    if (released > 0) {
      LOG.warn("Outbox: {} email(s) left mid-send by a stopped sender released for another attempt", released);
    }
  }

  private boolean send(Due row) {
    Instant now = clock.now();
    Timestamp claimedUntil = Timestamp.from(now.plus(claim));
    Integer claimed = transaction.execute(status -> jdbc.sql("""
            UPDATE notification_outbox SET status = 'SENDING', claimed_until = ?
            WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ? AND channel = 'EMAIL'""")
        .params(claimedUntil, row.id(), Timestamp.from(now)).update());
    if (claimed == null || claimed != 1) {
      return false;   // another sender has it
    }
    Email email = jdbc.sql("SELECT recipient, subject, body, attempts FROM notification_outbox WHERE id = ?")
        .param(row.id())
        .query((rs, n) -> new Email(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            rs.getInt("attempts")))
        .single();
    try {
      mail.send(message(row.id(), email));
    } catch (RuntimeException e) {
      failed(row, email.attempts() + 1, claimedUntil, e, permanent(e));
      return false;
    }
    Integer marked = transaction.execute(status -> jdbc.sql("""
            UPDATE notification_outbox SET status = 'SENT', sent_at = ?, claimed_until = NULL, last_error = NULL
            WHERE id = ? AND status = 'SENDING' AND claimed_until = ?""")
        .params(Timestamp.from(clock.now()), row.id(), claimedUntil).update());
    if (marked == null || marked != 1) {
      LOG.warn("Outbox: email {} ({}) sent after its claim expired; it may be sent twice", row.id(), row.kind());
    } else {
      LOG.info("Outbox: email {} ({}) sent", row.id(), row.kind());
    }
    return true;
  }

  private record Email(String recipient, String subject, String body, int attempts) {
  }

  private MimeMessage message(long id, Email email) {
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(email.recipient());
      helper.setSubject(email.subject());
      helper.setText(email.body(), false);
      helper.setSentDate(Date.from(clock.now()));
      // JavaMailSenderImpl keeps a Message-ID set before sending: a resend after a crash carries the same one.
      message.setHeader("Message-ID", messageId(id));
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not build the message", e);
    }
    return message;
  }

  static String messageId(long id) {
    return "<outbox-" + id + "@ehc-pathway>";
  }

  /** A message that cannot even be built (an invalid address) will never send: no point retrying. */
  private static boolean permanent(RuntimeException e) {
    return e instanceof MailParseException || e instanceof MailPreparationException;
  }

  private void failed(Due row, int attempts, Timestamp claimedUntil, RuntimeException e, boolean permanent) {
    boolean giveUp = permanent || attempts >= maxAttempts;
    Instant now = clock.now();
    Timestamp next = Timestamp.from(giveUp ? now : now.plus(backoff(attempts)));
    transaction.execute(status -> jdbc.sql("""
            UPDATE notification_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
              claimed_until = NULL
            WHERE id = ? AND status = 'SENDING' AND claimed_until = ?""")
        .params(giveUp ? "FAILED" : "PENDING", attempts, next, describe(e), row.id(), claimedUntil).update());
    if (giveUp) {
      LOG.error("Outbox: email {} ({}) FAILED after {} attempt(s): {}", row.id(), row.kind(), attempts,
          e.getClass().getName());
    } else {
      LOG.warn("Outbox: email {} ({}) attempt {} failed ({}); next attempt at {}", row.id(), row.kind(), attempts,
          e.getClass().getName(), next.toInstant());
    }
  }

  /** The delay after the n-th failed attempt: initial-delay, doubling, at most max-delay. */
  Duration backoff(int attempts) {
    Duration delay = initialDelay;
    for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** Exception class, its root cause and a short message for last_error; a mail exception never carries the body. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getName());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      text.append(" (cause ").append(root.getClass().getName()).append(')');
    }
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage().replaceAll("\\s+", " "));
    }
    return text.length() <= 500 ? text.toString() : text.substring(0, 497) + "...";
  }
}
