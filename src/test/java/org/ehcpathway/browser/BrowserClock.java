package org.ehcpathway.browser;

import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Makes the browser's "now" follow the engine's simulated clock, so Tasklist says "Due in 6 weeks", not "Due in
 * 11 years", and the date picker opens on the engine's month. Pages loaded after {@link #follow()} see the shift.
 */
final class BrowserClock {

  private final ChromeDriver browser;
  private String scriptId;

  BrowserClock(ChromeDriver browser) {
    this.browser = browser;
  }

  /** Shifts {@code Date} in every page loaded from now on by the engine clock's distance from real time. */
  void follow() {
    long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
    if (scriptId != null) {
      browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", scriptId));
    }
    String shift = """
        (() => {
          const offset = %d, RealDate = Date;
          class EngineDate extends RealDate {
            constructor(...args) { args.length ? super(...args) : super(RealDate.now() + offset); }
            static now() { return RealDate.now() + offset; }
          }
          window.Date = EngineDate;
        })();""".formatted(offset);
    scriptId = (String) browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", shift))
        .get("identifier");
  }
}
