package org.ehcpathway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Four doors, one user store (Camunda's identity service):
 * <ul>
 *   <li>/api/**: Spring Security, HTTP Basic or a session from the login form; group-based rules on each endpoint;</li>
 *   <li>/dashboard/**: the managers' pages; the same session or HTTP Basic; anyone else signed in gets a 403 page,
 *       and an anonymous browser is sent to the login form;</li>
 *   <li>/engine-rest/*: Camunda's own ProcessEngineAuthenticationFilter with HTTP Basic, so engine
 *       authorization applies to every REST call;</li>
 *   <li>/camunda/** (Tasklist, Cockpit, Admin): the webapps' own login and CSRF protection.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  private static final String FORBIDDEN_PAGE = "/dashboard/forbidden";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider identity) throws Exception {
    return http
        .securityMatcher("/api/**", "/login", "/logout")
        .authenticationProvider(identity)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .formLogin(form -> form.loginPage("/login").successHandler(new LoginLanding()).permitAll())
        .logout(logout -> logout.permitAll())
        // An API answers 401, whatever the client: no redirect to the login page.
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(SecurityConfiguration::unauthorized)
            .accessDeniedHandler((request, response, e) ->
                ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Your role does not allow this request")))
        // CSRF rides on a browser's session cookie: requests with their own credentials, or with no session
        // at all, carry nothing to forge. Browser sessions keep CSRF protection.
        .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
            || request.getRequestedSessionId() == null))
        .build();
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"EHC Pathway\"");
    ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
        "Sign in with a user name and password");
  }

  /** The managers' dashboard: pages for a browser, so no 401 but the login form, and a 403 page for other roles. */
  @Bean
  @Order(2)
  SecurityFilterChain dashboardPages(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
      throws Exception {
    AuthenticationEntryPoint toLoginForm = new LoginUrlAuthenticationEntryPoint("/login");
    AccessDeniedHandlerImpl forbiddenPage = new AccessDeniedHandlerImpl();
    forbiddenPage.setErrorPage(FORBIDDEN_PAGE);
    return http
        .securityMatcher("/dashboard", "/dashboard/**")
        .authenticationProvider(identity)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(FORBIDDEN_PAGE).authenticated()
            .anyRequest().hasAuthority(Groups.MANAGERS))
        .httpBasic(basic -> basic.authenticationEntryPoint(toLoginForm))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(toLoginForm).accessDeniedHandler(forbiddenPage))
        .build();
  }

  /** Tasklist, Cockpit and /engine-rest authenticate with Camunda's own filters, registered below. */
  @Bean
  @Order(3)
  SecurityFilterChain camunda(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    return registration;
  }
}
