package org.ehcpathway.review;

import org.ehcpathway.statutory.StatutoryDeadlines;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration in Java that fills in dates of existing rows through {@link StatutoryDeadlines}, the one place
 * for deadline arithmetic. Spring Boot hands every {@link JavaMigration} bean to Flyway, in version order with the
 * SQL migrations.
 */
abstract class StatutoryBackfill implements JavaMigration {

  protected final StatutoryDeadlines rules;
  private final MigrationVersion version;
  private final String description;

  StatutoryBackfill(StatutoryDeadlines rules, String version, String description) {
    this.rules = rules;
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
