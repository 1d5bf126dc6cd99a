package org.ehcpathway.statutory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StatutoryConfiguration {

  @Bean
  WorkingDays workingDays() {
    return WorkingDays.englandAndWales();
  }

  @Bean
  StatutoryDeadlines statutoryDeadlines(WorkingDays workingDays) {
    return new StatutoryDeadlines(workingDays);
  }
}
