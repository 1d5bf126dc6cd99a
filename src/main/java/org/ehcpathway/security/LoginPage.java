package org.ehcpathway.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form (templates/web/login.html) that posts to Spring Security's {@code POST /login}. Spring's generated
 * page is not used: the API's own 401 entry point switches it off.
 */
@Controller
class LoginPage {

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null);
    return "web/login";
  }
}
