package org.ehcpathway.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer engineRestInputErrors() {
    return config -> config.register(EngineRestInputErrors.class);
  }

  @Bean
  FilterRegistrationBean<TasklistInputErrors> tasklistInputErrors() {
    FilterRegistrationBean<TasklistInputErrors> registration = new FilterRegistrationBean<>(new TasklistInputErrors());
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("tasklist-input-errors");
    return registration;
  }
}
