package org.ehcpathway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where the login form leads: back to the page that asked for it; else a manager to the dashboard and anyone else
 * to the open cases.
 */
final class LoginLanding extends SavedRequestAwareAuthenticationSuccessHandler {

  static final String MANAGERS_HOME = "/dashboard";
  static final String OTHERS_HOME = "/api/cases?status=OPEN";

  @Override
  protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) {
    boolean manager = authentication.getAuthorities().stream()
        .anyMatch(authority -> Groups.MANAGERS.equals(authority.getAuthority()));
    return manager ? MANAGERS_HOME : OTHERS_HOME;
  }
}
