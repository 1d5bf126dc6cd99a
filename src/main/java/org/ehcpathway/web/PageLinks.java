package org.ehcpathway.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in the pages are written as they are. Spring Boot switches on its {@link ResourceUrlEncodingFilter} because
 * the webjars locator is on the classpath; the filter then looks every link of a page up as a static resource, in
 * each static location and each jar of the classpath, and remembers only the links it found. The dashboard's case
 * links are never found, so each of them cost a classpath search on every render: hundreds a page, most of the
 * dashboard's time under load (docs/performance.md). Nothing needs the filter: no static resource has a versioned
 * address, and the version-less Chart.js address is resolved when the browser asks for it.
 */
@Configuration
class PageLinks {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }
}
