package org.ehcpathway.security;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, every connection of the pool runs {@code SET enable_material = off}, so that Camunda's task queries
 * under engine authorization (Tasklist's filter counts and lists, {@code TaskService} queries as a user) look up each
 * task's authorization by index instead of comparing every open task with every authorization row.
 *
 * <p>Camunda joins the user's authorizations to the tasks on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')},
 * with the permission as {@code A.PERMS_ & ? = ?}. PostgreSQL cannot hash that join, and it has no statistics for the
 * bit expression, so it expects a handful of matching authorizations where there is one per open task and candidate
 * group; it then puts them in a Materialize node and compares each task with all of them (a count over 2,000 open
 * panel tasks: 4 million comparisons, 1.3 s). Without Materialize the only cheap plan left is the index on
 * {@code RESOURCE_ID_} (the same count: 0.05 s). Statistics on the expression would fix the estimate only for plans
 * made with the actual parameters, not for the generic plans PostgreSQL keeps for prepared statements. Details and
 * plans: docs/performance.md, "Task queries under authorization".
 *
 * <p>H2 plans this join with the index already and is left alone. A {@code connection-init-sql} of the
 * configuration's own is kept as it is.
 */
@Component
class AuthorizationQueryPlanning implements BeanPostProcessor {

  static final String INIT_SQL = "SET enable_material = off";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(INIT_SQL);
    }
    return bean;
  }
}
