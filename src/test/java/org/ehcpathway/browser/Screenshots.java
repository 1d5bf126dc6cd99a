package org.ehcpathway.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Screenshots for the role guides. Always written to target/tasklist-screenshots/; also to docs/img/ when the
 * build runs with {@code -Dscreenshots=true}, which is how the guides' pictures are refreshed.
 */
final class Screenshots {

  private final ChromeDriver browser;
  private final Path target = Path.of("target", "tasklist-screenshots");
  private final boolean intoDocs = Boolean.getBoolean("screenshots");

  Screenshots(ChromeDriver browser) {
    this.browser = browser;
  }

  /** The browser window (1400 x 1300, tall enough for most forms) as {name}.png. */
  void take(String name) {
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    write(target, name, png);
    if (intoDocs) {
      write(Path.of("docs", "img"), name, png);
    }
  }

  private static void write(Path folder, String name, byte[] png) {
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
