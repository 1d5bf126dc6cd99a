package org.ehcpathway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist completes tasks through the webapp's own engine REST application (/camunda/api/engine), which
 * answers an exception from a task listener with 500 and a message wrapped in engine codes and class names.
 * When the cause was input the user got wrong, this answers 400 with just our message, so Tasklist shows the
 * user what to correct. Only form submissions and task completions are inspected.
 */
class TasklistInputErrors extends OncePerRequestFilter {

  private static final Pattern OUR_MESSAGE =
      Pattern.compile(Pattern.quote(InvalidInputException.class.getName()) + ": (.*?)'?$", Pattern.DOTALL);
  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    String message = captured.getStatus() == 500 ? inputError(captured.getContentAsByteArray()) : null;
    if (message == null) {
      captured.copyBodyToResponse();
      return;
    }
    captured.resetBuffer();
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    byte[] body = json.writeValueAsBytes(Map.of("type", "InvalidInputException", "message", message));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private String inputError(byte[] body) {
    try {
      JsonNode error = json.readTree(body);
      Matcher matcher = OUR_MESSAGE.matcher(error.path("message").asText());
      return matcher.find() ? matcher.group(1) : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
