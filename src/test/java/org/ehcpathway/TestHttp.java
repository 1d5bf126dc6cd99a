package org.ehcpathway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Raw HTTP calls for the security and bad-input suites: any method, any body and content type, as a demo user
 * (password = user name) or anonymous (user null). No retries, no redirects, no client-side authentication.
 */
public final class TestHttp {

  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final int port;

  public TestHttp(int port) {
    this.port = port;
  }

  public HttpResponse<String> call(String user, String method, String path, String contentType, String body) {
    return call(user, method, path, contentType, body, null);
  }

  public HttpResponse<String> call(String user, String method, String path, String contentType, String body,
      String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> json(String user, String method, String path, String body) {
    return call(user, method, path, "application/json", body);
  }

  public HttpResponse<String> get(String user, String path) {
    return call(user, "GET", path, null, null);
  }

  public static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
