package org.databoost.app.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the user left the window: its bounds (the last ones before it was maximised), whether it was
 * maximised, the divider positions of each split pane by id, the selected tab's id and the image
 * table's sort column. A value that does not parse is replaced by its default and logged.
 */
public final class WindowLayout {
  private static final Logger LOG = LoggerFactory.getLogger(WindowLayout.class);
  static final String DIVIDER = "divider.";

  public static final double DEFAULT_WIDTH = 1280;
  public static final double DEFAULT_HEIGHT = 800;

  /** The smallest window a saved setting may ask for (a hand-edited -5 must not hide it). */
  public static final double MIN_WIDTH = 640;

  public static final double MIN_HEIGHT = 400;

  /** The largest side a saved setting may ask for. */
  static final double MAX_SIDE = 16_384;

  private double x = Double.NaN;
  private double y = Double.NaN;
  private double width = DEFAULT_WIDTH;
  private double height = DEFAULT_HEIGHT;
  private boolean maximized;
  private String tab = "";
  private String sortColumn = "";
  private boolean sortAscending = true;
  private final Map<String, double[]> dividers = new LinkedHashMap<>();

  /** Reads the layout from saved settings; anything missing or broken keeps its default. */
  public static WindowLayout from(Properties p) {
    WindowLayout l = new WindowLayout();
    l.x = number(p, "window.x", Double.NaN);
    l.y = number(p, "window.y", Double.NaN);
    l.width = size(p, "window.width", DEFAULT_WIDTH, MIN_WIDTH);
    l.height = size(p, "window.height", DEFAULT_HEIGHT, MIN_HEIGHT);
    l.maximized = Boolean.parseBoolean(p.getProperty("window.maximized", "false"));
    l.tab = p.getProperty("window.tab", "");
    l.sortColumn = p.getProperty("table.sort", "");
    l.sortAscending = !"descending".equals(p.getProperty("table.sortOrder"));
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(DIVIDER)) {
        double[] positions = fractions(p.getProperty(key));
        if (positions == null) {
          LOG.warn("ignoring the saved divider positions {}={}", key, p.getProperty(key));
        } else {
          l.dividers.put(key.substring(DIVIDER.length()), positions);
        }
      }
    }
    return l;
  }

  public void writeTo(Properties p) {
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      p.setProperty("window.x", Double.toString(x));
      p.setProperty("window.y", Double.toString(y));
    }
    p.setProperty("window.width", Double.toString(width));
    p.setProperty("window.height", Double.toString(height));
    p.setProperty("window.maximized", Boolean.toString(maximized));
    p.setProperty("window.tab", tab);
    p.setProperty("table.sort", sortColumn);
    p.setProperty("table.sortOrder", sortAscending ? "ascending" : "descending");
    for (Map.Entry<String, double[]> e : dividers.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (double d : e.getValue()) {
        sb.append(sb.length() == 0 ? "" : ",").append(d);
      }
      p.setProperty(DIVIDER + e.getKey(), sb.toString());
    }
  }

  /** A saved window side, clamped to what can be shown; a clamp is logged. */
  private static double size(Properties p, String key, double fallback, double min) {
    double v = number(p, key, fallback);
    double clamped = Math.max(min, Math.min(MAX_SIDE, v));
    if (clamped != v) {
      LOG.warn("the saved setting {}={} is out of range; using {}", key, v, clamped);
    }
    return clamped;
  }

  private static double number(Properties p, String key, double fallback) {
    String s = p.getProperty(key);
    if (s == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(s.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // logged below
    }
    LOG.warn("ignoring the saved setting {}={}", key, s);
    return fallback;
  }

  /** Comma-separated fractions in [0, 1], or null when any is not one. */
  private static double[] fractions(String s) {
    String[] parts = s.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        return null;
      }
      if (!(out[i] >= 0 && out[i] <= 1)) {
        return null;
      }
    }
    return out;
  }

  /** Whether a position was saved (a first start centres the window instead). */
  public boolean hasPosition() {
    return !Double.isNaN(x) && !Double.isNaN(y);
  }

  public double x() {
    return x;
  }

  public double y() {
    return y;
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  /** The window's bounds while it is not maximised. */
  public void setBounds(double newX, double newY, double newWidth, double newHeight) {
    x = newX;
    y = newY;
    width = newWidth;
    height = newHeight;
  }

  public boolean maximized() {
    return maximized;
  }

  public void setMaximized(boolean value) {
    maximized = value;
  }

  /** The id of the selected tab; empty for the first. */
  public String tab() {
    return tab;
  }

  public void setTab(String id) {
    tab = id == null ? "" : id;
  }

  /** The divider positions of the split pane with this id, or null when none were saved. */
  public double[] dividers(String splitPaneId) {
    double[] d = dividers.get(splitPaneId);
    return d == null ? null : d.clone();
  }

  public void setDividers(String splitPaneId, double[] positions) {
    dividers.put(splitPaneId, positions.clone());
  }

  /** The title of the column the image table was sorted by; empty when unsorted. */
  public String sortColumn() {
    return sortColumn;
  }

  public boolean sortAscending() {
    return sortAscending;
  }

  public void setSort(String column, boolean ascending) {
    sortColumn = column == null ? "" : column;
    sortAscending = ascending;
  }
}
