package org.databoost.app.settings;

import java.util.Properties;

/** Everything the window remembers between sessions, read at start and saved in one file. */
public final class WorkbenchSettings {
  private final SettingsFile file;
  private final WindowLayout window;
  private final RecentDatasets recent;

  private WorkbenchSettings(SettingsFile file, WindowLayout window, RecentDatasets recent) {
    this.file = file;
    this.window = window;
    this.recent = recent;
  }

  /** The saved settings, or the defaults when the file is missing or broken. */
  public static WorkbenchSettings load(SettingsFile file) {
    Properties p = file.load();
    return new WorkbenchSettings(file, WindowLayout.from(p), RecentDatasets.from(p));
  }

  /** Writes the current settings atomically; returns whether they were written. */
  public boolean save() {
    Properties p = new Properties();
    window.writeTo(p);
    recent.writeTo(p);
    return file.save(p);
  }

  public WindowLayout window() {
    return window;
  }

  public RecentDatasets recent() {
    return recent;
  }
}
