package org.ehcpathway.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer engineRestInputErrors() {
    return config -> config.register(EngineRestInputErrors.class);
  }
}
