package org.ehcpathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.ehcpathway.advice.AdviceType;
import org.ehcpathway.advice.EscalationContacts;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.reporting.Sen2Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The prod profile as a council would start it, with its settings given as environment variables: it starts on the
 * database named by EHC_DB_URL (PostgreSQL in the PostgreSQL run, H2 otherwise), creates Camunda's tables and
 * migrates the read model, and has no demo users, cases or simulated clock. The health check answers without a login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ehc.test.database=ehc_prod",
    // Nothing to send, and no mail server: the test does not wait for the outbox sender.
    "ehc.notification.sender.enabled=false"})
@ContextConfiguration(initializers = ProductionProfileTest.EnvironmentVariables.class)
@ActiveProfiles("prod")
@Tag("own-context")
class ProductionProfileTest {

  /**
   * What docker/compose.yaml and docs/production.md give the application, as environment variables (so Spring's
   * relaxed binding of names such as EHC_SEN2_LA_CODE is tested too). The database is the test run's: PostgreSQL in
   * the PostgreSQL run, H2 otherwise.
   */
  static class EnvironmentVariables implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, Object> variables = new HashMap<>(Map.of(
          "EHC_ADMIN_USER", "sendadmin",
          "EHC_ADMIN_PASSWORD", "a-long-secret",
          "EHC_SMTP_HOST", "localhost",
          "EHC_SMTP_PORT", "3025",
          "EHC_MAIL_FROM", "send@county.gov.uk",
          "EHC_BASE_URL", "https://ehc.county.gov.uk",
          "EHC_SEN2_LA_CODE", "935",
          "EHC_COUNCIL_NAME", "County Council SEND Service"));
      for (String type : List.of("HEALTH", "SOCIAL_CARE", "PSYCHOLOGICAL", "EDUCATIONAL", "PREPARING_FOR_ADULTHOOD",
          "OTHER")) {
        variables.put("EHC_ESCALATION_" + type + "_EMAIL", type.toLowerCase() + "-lead@county.gov.uk");
      }
      String server = System.getProperty("ehc.test.postgres.url");
      if (server == null || server.isBlank()) {
        variables.putAll(Map.of("EHC_DB_URL", "jdbc:h2:mem:ehc_prod;DB_CLOSE_DELAY=-1", "EHC_DB_USER", "sa",
            "EHC_DB_PASSWORD", ""));
      } else {
        variables.putAll(Map.of("EHC_DB_URL", server + "ehc_prod",
            "EHC_DB_USER", System.getProperty("ehc.test.postgres.user"),
            "EHC_DB_PASSWORD", System.getProperty("ehc.test.postgres.password")));
      }
      context.getEnvironment().getPropertySources()
          .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Sen2Properties sen2;
  @Autowired CouncilProperties council;
  @Autowired EscalationContacts contacts;
  @Autowired Flyway flyway;

  @Test
  void usesTheDatabaseFromTheEnvironment() throws Exception {
    String server = System.getProperty("ehc.test.postgres.url");
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getURL())
          .startsWith(server == null || server.isBlank() ? "jdbc:h2:mem:ehc_prod" : server + "ehc_prod");
    }
  }

  @Test
  void bindsTheCouncilsSettingsFromTheEnvironment() {
    assertThat(sen2.laCode()).isEqualTo("935");
    assertThat(council.name()).isEqualTo("County Council SEND Service");
    assertThat(contacts.forType(AdviceType.SOCIAL_CARE)).get()
        .extracting(EscalationContacts.Contact::email, EscalationContacts.Contact::role)
        .containsExactly("social_care-lead@county.gov.uk", "Social care team manager");
    assertThat(contacts.forType(AdviceType.PREPARING_FOR_ADULTHOOD).get().email())
        .isEqualTo("preparing_for_adulthood-lead@county.gov.uk");
  }

  @Test
  void startsWithTheAdminFromTheEnvironmentAndNoDemoData() {
    assertThat(identityService.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("sendadmin");
    assertThat(records.list(null, 10, 0)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM simulation_run").query(Long.class).single()).isZero();
    assertThat(rest.withBasicAuth("sendadmin", "a-long-secret").getForEntity("/api/simulation/clock", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void demoUsersCannotSignIn() {
    assertThat(rest.withBasicAuth("caseworker", "caseworker").getForEntity("/api/cases", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void createsCamundasTablesAndMigratesTheReadModel() {
    assertThat(managementService.getTableCount()).containsKey("ACT_RU_EXECUTION");
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().current().getVersion().getMajor().intValue()).isGreaterThanOrEqualTo(11);
  }

  @Test
  void healthAnswersWithoutALogin() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
  }

  @Test
  void theH2ConsoleIsNotThere() {
    assertThat(rest.getForEntity("/h2-console/", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
