package org.ehcpathway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.ehcpathway.statutory.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/** The sender exists only with a mail server; sending on a schedule only when also enabled. */
class OutboxWiringTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      // As in the application: durations such as PT1M in @Value
      .withInitializer(app -> app.getBeanFactory()
          .setConversionService(ApplicationConversionService.getSharedInstance()))
      .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
      .withBean(JavaMailSender.class, () -> mock(JavaMailSender.class))
      .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
      .withBean(EngineClock.class)
      .withUserConfiguration(NotificationConfiguration.class, OutboxSender.class);

  @Test
  void withoutAMailServerEmailsStayInTheOutbox() {
    context.run(app -> assertThat(app).doesNotHaveBean(OutboxSender.class)
        .doesNotHaveBean(NotificationConfiguration.ScheduledSending.class));
  }

  @Test
  void withAMailServerTheSenderRunsOnASchedule() {
    context.withPropertyValues("spring.mail.host=smtp.council.example")
        .run(app -> assertThat(app).hasSingleBean(OutboxSender.class)
            .hasSingleBean(NotificationConfiguration.ScheduledSending.class));
  }

  @Test
  void disabledSendingKeepsTheSenderForTestsButDoesNotSchedule() {
    context.withPropertyValues("spring.mail.host=smtp.council.example", "ehc.notification.sender.enabled=false")
        .run(app -> assertThat(app).hasSingleBean(OutboxSender.class)
            .doesNotHaveBean(NotificationConfiguration.ScheduledSending.class));
  }

  @Test
  void anImpossibleRetryPolicyStopsStartUp() {
    context.withPropertyValues("spring.mail.host=smtp.council.example", "ehc.notification.retry.initial-delay=PT2H")
        .run(app -> assertThat(app).hasFailed());
  }
}
