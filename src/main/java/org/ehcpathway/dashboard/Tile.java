package org.ehcpathway.dashboard;

import java.util.Locale;

/**
 * One headline figure: the council's percentage for the period, what it counts, and England's figure beside it.
 * The comparison is always written out, so nothing is told by colour alone.
 *
 * @param id       stable element id on the page (tests and links use it)
 * @param england  England's figure, null where none is published in the reference
 */
public record Tile(String id, String title, String definition, Double percent, long met, long total, String unit,
    Double england) {

  public String value() {
    return Figures.percent(percent);
  }

  public String counts() {
    return met + " of " + total + " " + unit;
  }

  /** {@code above}, {@code below}, {@code level} or {@code none}: for the style and the arrow; the text says it too. */
  public String standing() {
    if (percent == null || england == null) {
      return "none";
    }
    int compared = Double.compare(Math.round(percent * 10), Math.round(england * 10));
    return compared > 0 ? "above" : compared < 0 ? "below" : "level";
  }

  public String comparison() {
    if (england == null) {
      return "No England figure to compare with";
    }
    String englandText = "England (" + Figures.percent(england) + " in " + EnglandFigures.YEAR + ")";
    return switch (standing()) {
      case "above" -> points() + " points above " + englandText;
      case "below" -> points() + " points below " + englandText;
      case "level" -> "Level with " + englandText;
      default -> "Nothing to compare in this period; " + englandText;
    };
  }

  private String points() {
    return String.format(Locale.UK, "%.1f", Math.abs(percent - england));
  }
}
