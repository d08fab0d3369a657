package org.databoost.app.settings;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.databoost.files.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's settings file, a small {@code .properties} file in the user data folder. Reading
 * never fails: a missing file gives the defaults, an unreadable one the defaults and a warning in
 * the log. Writing replaces the file atomically, so a crash leaves the old settings or the new,
 * never half of them; a failed write is logged, never shown as an error.
 */
public final class SettingsFile {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

  private final Path file;

  public SettingsFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path path() {
    return file;
  }

  /** The saved settings, or none when there is no readable file. */
  public Properties load() {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      LOG.debug("no settings file yet at {}", file);
    } catch (IOException | IllegalArgumentException e) {
      // Malformed UTF-8 or a broken \\u escape: start afresh rather than refuse to start.
      LOG.warn("ignoring the unreadable settings file {}: {}", file, e.toString());
      return new Properties();
    }
    return p;
  }

  /** Writes the settings; returns whether they were written. */
  public boolean save(Properties settings) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFileWriter.write(
          file,
          out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            settings.store(w, "Databoost: window layout and recent datasets");
            w.flush();
          });
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not save the settings to {}: {}", file, e.toString());
      return false;
    }
  }
}
