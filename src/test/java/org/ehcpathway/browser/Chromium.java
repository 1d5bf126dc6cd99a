package org.ehcpathway.browser;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}; .ci/run installs them),
 * headless, with a fresh profile. Selenium Manager is never asked to download anything: both paths are given.
 */
public final class Chromium {

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path BROWSER = Path.of("/usr/bin/chromium");

  private Chromium() {
  }

  /** A browser test: tagged {@code browser}, skipped with the reason when ChromeDriver is not installed. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Tag("browser")
  @ExtendWith(Installed.class)
  public @interface Test {
  }

  public static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--lang=en-GB", "--window-size=1400,1300", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  public static Path newProfile() throws IOException {
    return Files.createTempDirectory("ehc-chromium-");
  }

  /** Runs the test only where /usr/bin/chromedriver exists, and says why when it does not. */
  static final class Installed implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER)
          ? ConditionEvaluationResult.enabled(DRIVER + " is installed")
          : ConditionEvaluationResult.disabled("Browser test skipped: " + DRIVER + " or " + BROWSER + " is missing;"
              + " install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
    }
  }
}
