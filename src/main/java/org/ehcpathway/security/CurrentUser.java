package org.ehcpathway.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the user the engine authenticated (Tasklist, /engine-rest) or the user Spring Security
 * authenticated (/api); "system" for timers and other engine work with nobody behind it.
 */
@Component
public class CurrentUser {

  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return engineUser.getUserId();
    }
    var springUser = SecurityContextHolder.getContext().getAuthentication();
    if (springUser != null && springUser.isAuthenticated() && springUser.getName() != null
        && !"anonymousUser".equals(springUser.getName())) {
      return springUser.getName();
    }
    return SYSTEM;
  }
}
