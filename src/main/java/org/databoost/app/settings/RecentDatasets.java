package org.databoost.app.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last datasets opened, newest first, for the toolbar's Recent menu. */
public final class RecentDatasets {
  private static final Logger LOG = LoggerFactory.getLogger(RecentDatasets.class);
  public static final int MAX = 8;
  private static final String KEY = "recent.";

  private final ObservableList<Path> paths = FXCollections.observableArrayList();

  /** One menu entry: a folder, and whether it is still there (a missing one is shown disabled). */
  public record Entry(Path path, boolean exists) {}

  public static RecentDatasets from(Properties p) {
    RecentDatasets r = new RecentDatasets();
    for (int i = MAX - 1; i >= 0; i--) {
      String s = p.getProperty(KEY + i);
      if (s != null && !s.isBlank()) {
        try {
          r.opened(Path.of(s));
        } catch (InvalidPathException e) {
          LOG.warn("ignoring the saved recent dataset {}", s);
        }
      }
    }
    return r;
  }

  public void writeTo(Properties p) {
    for (int i = 0; i < paths.size(); i++) {
      p.setProperty(KEY + i, paths.get(i).toString());
    }
  }

  /** Puts this folder first, once, dropping the oldest beyond {@link #MAX}. */
  public void opened(Path dir) {
    Path p = dir.toAbsolutePath().normalize();
    paths.remove(p);
    paths.add(0, p);
    if (paths.size() > MAX) {
      paths.remove(MAX, paths.size());
    }
  }

  public void clear() {
    paths.clear();
  }

  /** The folders, newest first. */
  public ObservableList<Path> paths() {
    return paths;
  }

  /** The folders with whether each still exists, checked now. */
  public List<Entry> entries() {
    return paths.stream().map(p -> new Entry(p, Files.isDirectory(p))).toList();
  }
}
