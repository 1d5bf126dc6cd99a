package org.ehcpathway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a benchmark's results into docs/performance.md between its markers, and a copy under target/bench. */
final class PerformanceDoc {

  private PerformanceDoc() {
  }

  /** Replaces what stands between {@code <!-- name:start -->} and {@code <!-- name:end -->}, adding them if absent. */
  static void write(String name, String results, String copyFileName) throws IOException {
    Path doc = Path.of("docs/performance.md");
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n";
    if (text.indexOf(start) < 0 || text.indexOf(end) < 0) {
      text = text + "\n" + start + "\n" + end + "\n";
    }
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    Files.writeString(doc, text.substring(0, from + start.length()) + "\n" + results + text.substring(to));
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench", copyFileName), results);
  }
}
