package org.ehcpathway.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled sending of the outbox: with a mail server configured and {@code ehc.notification.sender.enabled}
 * not false, {@link OutboxSender#sendDue()} runs every {@code ehc.notification.send-interval}.
 */
@Configuration
@EnableScheduling
class NotificationConfiguration {

  @Bean
  @Conditional(MailServerConfigured.class)
  @ConditionalOnProperty(prefix = "ehc.notification.sender", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  ScheduledSending scheduledOutboxSending(OutboxSender sender) {
    return new ScheduledSending(sender);
  }

  static class ScheduledSending {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSending.class);
    private final OutboxSender sender;

    ScheduledSending(OutboxSender sender) {
      this.sender = sender;
    }

    @Scheduled(initialDelayString = "${ehc.notification.send-interval:PT30S}",
        fixedDelayString = "${ehc.notification.send-interval:PT30S}")
    void send() {
      try {
        sender.sendDue();
      } catch (RuntimeException e) {
        // The database may be briefly unavailable; the next run tries again. Messages can quote data: not logged.
        LOG.warn("Outbox run failed: {}", e.getClass().getName());
      }
    }
  }

  /**
   * True when Spring Boot's mail auto-configuration creates a {@code JavaMailSender}: {@code spring.mail.host}
   * or {@code spring.mail.jndi-name} is set. (A condition on the property, not on the bean: outside
   * auto-configuration, a condition on a bean runs before the auto-configured beans exist.)
   */
  static class MailServerConfigured extends AnyNestedCondition {

    MailServerConfigured() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    static class Host {
    }

    @ConditionalOnProperty(prefix = "spring.mail", name = "jndi-name")
    static class JndiName {
    }
  }
}
