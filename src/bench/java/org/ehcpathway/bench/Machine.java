package org.ehcpathway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine was doing while a benchmark ran: its load average and its CPU time, for the figures. */
final class Machine {

  private Machine() {
  }

  /** The load average line of /proc/loadavg, printed beside the figures it may have disturbed. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Busy time of every core since boot, in seconds, from the first line of /proc/stat (user to steal, in USER_HZ
   * ticks): the JVM and every other process, such as a PostgreSQL server on the same machine.
   */
  static double cpuSeconds() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        if (i != 4 && i != 5) {   // idle and iowait are not work
          busy += Long.parseLong(fields[i]);
        }
      }
      return busy / 100.0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
