package org.ehcpathway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ehcpathway.notification.Notification.Channel;
import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail): stored with the caller's transaction or not at all, sent
 * once, retried with backoff while the server is down, and readable at GET /api/notifications.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ehc.test.database=ehc_outbox",
    "spring.mail.host=localhost",
    "spring.mail.port=3025",
    "ehc.notification.sender.enabled=true",
    "ehc.notification.send-interval=PT1H",
    "ehc.notification.from=send-team@council.example"})
@ActiveProfiles("test")
@Tag("own-context")
class OutboxTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired EngineClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestRestTemplate rest;
  private final ObjectMapper json = new ObjectMapper();
  private TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    tx = new TransactionTemplate(transactions);
    jdbc.sql("DELETE FROM notification_outbox").update();
    clock.set(NOW);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aRolledBackStepLeavesNothingToSend() {
    tx.executeWithoutResult(status -> {
      assertThat(outbox.enqueue(email("rollback-1"))).isTrue();
      status.setRollbackOnly();
    });

    assertThat(rows()).isZero();
    assertThat(sender.sendDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aCommittedEmailIsSentOnceWithItsRecipientSubjectAndBody() throws Exception {
    tx.executeWithoutResult(status -> outbox.enqueue(email("sent-1")));
    long id = idOf("sent-1");

    assertThat(sender.sendDue()).isEqualTo(1);

    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("dco@health.example");
    assertThat(message.getFrom()).extracting(Object::toString).containsExactly("send-team@council.example");
    assertThat(message.getSubject()).isEqualTo("Advice requested for EHC-2026-000042");
    assertThat(message.getContent().toString())
        .contains("Please provide medical advice for case EHC-2026-000042 by 13 April 2026.")
        .contains("Demo County Council – SEND");
    assertThat(message.getMessageID()).isEqualTo("<outbox-" + id + "@ehc-pathway>");

    Map<String, Object> row = row(id);
    assertThat(row.get("status")).isEqualTo("SENT");
    assertThat(((Timestamp) row.get("sent_at")).toInstant()).isEqualTo(NOW);
    assertThat(row.get("attempts")).isEqualTo(0);

    assertThat(sender.sendDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theSameDedupeKeyIsStoredOnce() {
    assertThat(tx.<Boolean>execute(status -> outbox.enqueue(email("dedupe-1")))).isTrue();
    assertThat(tx.<Boolean>execute(status -> outbox.enqueue(email("dedupe-1")))).isFalse();
    tx.executeWithoutResult(status -> {
      assertThat(outbox.enqueue(email("dedupe-2"))).isTrue();
      assertThat(outbox.enqueue(email("dedupe-2"))).isFalse();
    });

    assertThat(rows()).isEqualTo(2);

    String longKey = "ADVICE_REMINDER:advice-1:" + "x".repeat(300) + "@health.example";
    assertThat(tx.<Boolean>execute(status -> outbox.enqueue(email(longKey)))).isTrue();
    assertThat(tx.<Boolean>execute(status -> outbox.enqueue(email(longKey)))).isFalse();
    assertThat(tx.<Boolean>execute(status -> outbox.enqueue(email(longKey + "2")))).isTrue();
    assertThat(rows()).isEqualTo(4);
    assertThat(jdbc.sql("SELECT MAX(LENGTH(dedupe_key)) FROM notification_outbox").query(Integer.class).single())
        .isEqualTo(200);
  }

  @Test
  void aConcurrentEnqueueOfTheSameKeyLosesQuietlyAndItsTransactionGoesOn() throws Exception {
    CountDownLatch inserted = new CountDownLatch(1);
    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
      boolean stored = outbox.enqueue(email("race-1"));
      inserted.countDown();
      sleep(300);   // the second transaction's insert waits on this one's uncommitted row
      return stored;
    }));
    assertThat(inserted.await(5, TimeUnit.SECONDS)).isTrue();

    Boolean second = tx.execute(status -> {
      boolean stored = outbox.enqueue(email("race-1"));   // the pre-check cannot see the uncommitted row
      outbox.enqueue(email("race-2"));                    // the caller's transaction is still usable
      return stored;
    });

    assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(second).isFalse();
    assertThat(rows()).isEqualTo(2);
    assertThat(idOf("race-2")).isPositive();
  }

  @Test
  void whileTheMailServerIsDownTheEmailWaitsWithBackoffAndIsThenDeliveredExactlyOnce() throws Exception {
    tx.executeWithoutResult(status -> outbox.enqueue(email("retry-1")));
    long id = idOf("retry-1");

    greenMail.stop();
    assertThat(sender.sendDue()).isZero();

    Map<String, Object> failed = row(id);
    assertThat(failed.get("status")).isEqualTo("PENDING");
    assertThat(failed.get("attempts")).isEqualTo(1);
    assertThat(((Timestamp) failed.get("next_attempt_at")).toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat((String) failed.get("last_error")).startsWith("org.springframework.mail.MailSendException")
        .doesNotContain("Please provide");

    greenMail.start();
    clock.set(NOW.plusSeconds(59));
    assertThat(sender.sendDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    clock.set(NOW.plusSeconds(61));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();

    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(row(id).get("status")).isEqualTo("SENT");
    assertThat(row(id).get("attempts")).isEqualTo(1);
  }

  @Test
  void theBackoffDoublesUpToTheMaximumAndTheLastAttemptFails() {
    assertThat(sender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(sender.backoff(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(sender.backoff(7)).isEqualTo(Duration.ofHours(1));
    assertThat(sender.backoff(1000)).isEqualTo(Duration.ofHours(1));

    tx.executeWithoutResult(status -> outbox.enqueue(email("last-1")));
    long id = idOf("last-1");
    jdbc.sql("UPDATE notification_outbox SET attempts = 9 WHERE id = ?").param(id).update();

    greenMail.stop();
    assertThat(sender.sendDue()).isZero();
    assertThat(row(id).get("status")).isEqualTo("FAILED");
    assertThat(row(id).get("attempts")).isEqualTo(10);

    greenMail.start();
    clock.set(NOW.plus(Duration.ofDays(1)));
    assertThat(sender.sendDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRowClaimedByAnotherSenderIsLeftAloneUntilItsClaimExpires() {
    tx.executeWithoutResult(status -> outbox.enqueue(email("claimed-1")));
    long id = idOf("claimed-1");
    jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', claimed_until = ? WHERE id = ?")
        .params(Timestamp.from(NOW.plus(Duration.ofMinutes(5))), id).update();

    assertThat(sender.sendDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    clock.set(NOW.plus(Duration.ofMinutes(6)));   // that sender stopped mid-send
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(row(id).get("status")).isEqualTo("SENT");
    assertThat(row(id).get("attempts")).isEqualTo(1);
  }

  @Test
  void lettersWaitToBePrintedAndAreNeverEmailed() {
    Notification letter = new Notification("EHC-2026-000042", "REFUSAL_TO_ASSESS", Channel.LETTER, null, "family",
        "Notice of decision", "The notice.", "letter-1");
    tx.executeWithoutResult(status -> assertThat(outbox.enqueue(letter)).isTrue());

    assertThat(sender.sendDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(row(idOf("letter-1")).get("status")).isEqualTo("TO_PRINT");
  }

  @Test
  void anEmailNeedsARecipient() {
    Notification noAddress = new Notification("EHC-2026-000042", "ADVICE_REQUESTED", Channel.EMAIL, null,
        "health-advisers", "Subject", "Body", "no-address-1");
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> outbox.enqueue(noAddress)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    assertThat(rows()).isZero();
  }

  @Test
  void caseworkersAndManagersReadTheOutboxOfACase() throws Exception {
    tx.executeWithoutResult(status -> {
      outbox.enqueue(email("api-1"));
      outbox.enqueue(new Notification("EHC-2026-000042", "REFUSAL_TO_ASSESS", Channel.LETTER, null, "family",
          "Notice of decision", "The notice.", "api-2"));
      outbox.enqueue(new Notification("EHC-2026-000099", "ADVICE_REQUESTED", Channel.EMAIL, "ep@council.example",
          "educational-psychologists", "Other case", "Other body", "api-3"));
    });

    ResponseEntity<String> read = rest.withBasicAuth("caseworker", "caseworker")
        .getForEntity("/api/notifications?caseReference=EHC-2026-000042", String.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode list = json.readTree(read.getBody());
    assertThat(list).hasSize(2);
    JsonNode newest = list.get(0);
    assertThat(newest.get("kind").asText()).isEqualTo("REFUSAL_TO_ASSESS");
    assertThat(newest.get("channel").asText()).isEqualTo("LETTER");
    assertThat(newest.get("status").asText()).isEqualTo("TO_PRINT");
    assertThat(newest.get("to").isNull()).isTrue();
    assertThat(newest.get("toLabel").asText()).isEqualTo("family");
    JsonNode email = list.get(1);
    assertThat(email.get("id").asLong()).isEqualTo(idOf("api-1"));
    assertThat(email.get("caseReference").asText()).isEqualTo("EHC-2026-000042");
    assertThat(email.get("to").asText()).isEqualTo("dco@health.example");
    assertThat(email.get("toLabel").asText()).isEqualTo("Designated Clinical Officer");
    assertThat(email.get("subject").asText()).isEqualTo("Advice requested for EHC-2026-000042");
    assertThat(email.get("body").asText()).contains("Please provide medical advice");
    assertThat(email.get("status").asText()).isEqualTo("PENDING");
    assertThat(email.get("attempts").asInt()).isZero();
    assertThat(email.get("createdAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
    assertThat(email.get("sentAt").isNull()).isTrue();

    ResponseEntity<String> all = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/notifications?size=2", String.class);
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(all.getBody())).extracting(n -> n.get("kind").asText())
        .containsExactly("ADVICE_REQUESTED", "REFUSAL_TO_ASSESS");

    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/notifications", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/notifications", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> tooMany = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/notifications?size=501", String.class);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("size must be at most 500");
  }

  private static Notification email(String dedupeKey) {
    return new Notification("EHC-2026-000042", "ADVICE_REQUESTED", Channel.EMAIL, "dco@health.example",
        "Designated Clinical Officer", "Advice requested for EHC-2026-000042",
        "Please provide medical advice for case EHC-2026-000042 by 13 April 2026.\n\nDemo County Council – SEND\n",
        dedupeKey);
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox").query(Long.class).single();
  }

  private long idOf(String dedupeKey) {
    return jdbc.sql("SELECT id FROM notification_outbox WHERE dedupe_key = ?").param(dedupeKey)
        .query(Long.class).single();
  }

  private Map<String, Object> row(long id) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("SELECT * FROM notification_outbox WHERE id = ?").param(id).query().singleRow()
        .forEach((column, value) -> row.put(column.toLowerCase(), value));
    return row;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
