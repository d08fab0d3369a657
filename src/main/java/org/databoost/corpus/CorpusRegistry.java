package org.databoost.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.databoost.task.Progress;

/**
 * The corpora a user registered, one folder each under {@code <user data>/corpora/NAME/}. Adding a
 * corpus writes its listing (the fixed order of its images); removing one deletes that folder and
 * its embeddings, never the images.
 */
public final class CorpusRegistry {
  /** Rows per shard unless told otherwise: 64 MiB of 256-d vectors, 8 MiB of 128-d ones. */
  public static final int DEFAULT_SHARD_ROWS = 65_536;

  private final Path root;

  public CorpusRegistry(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** How the images are labelled: first-level folders, a CSV, none, or folders when they fit. */
  public record Labels(String mode, Path csv) {
    public static Labels parse(String text) {
      return switch (text) {
        case "auto", "folders", "none" -> new Labels(text, null);
        default -> new Labels("csv", Path.of(text));
      };
    }
  }

  /**
   * Registers {@code source} as {@code name} and lists its images, or returns the corpus already
   * registered under that name for the same folder (so that adding again resumes).
   *
   * @throws CorpusException for a bad name, a name taken by another folder, or a missing folder
   */
  public Corpus add(String name, Path source, Labels labels, int shardRows, Progress progress)
      throws IOException {
    checkName(name);
    Path abs = source.toAbsolutePath().normalize();
    Path dir = root.resolve(name);
    if (Files.exists(dir.resolve(Corpus.FILE))) {
      Corpus existing = Corpus.load(dir);
      if (!existing.source().equals(abs)) {
        throw new CorpusException(
            "a corpus called '"
                + name
                + "' already lists "
                + existing.source()
                + "; choose another name or remove it first (corpus remove "
                + name
                + ")");
      }
      return existing;
    }
    if (!Files.isDirectory(abs)) {
      throw new CorpusException("not a folder: " + abs);
    }
    if (shardRows < 1) {
      throw new IllegalArgumentException("shard rows must be positive: " + shardRows);
    }
    Files.createDirectories(dir);
    Map<String, String> csv = labels.mode().equals("csv") ? readLabels(labels.csv()) : null;
    Listing.Summary s = Listing.write(abs, dir, shardRows, csv, progress);
    String mode =
        switch (labels.mode()) {
          case "auto" ->
              s.allInLabelFolders() && s.folders() >= 2 && s.rows() > 0 ? "folders" : "none";
          default -> labels.mode();
        };
    Corpus c =
        new Corpus(
            name,
            dir,
            abs,
            "images",
            mode,
            shardRows,
            s.rows(),
            s.ignored(),
            Instant.now().toString());
    c.save();
    return c;
  }

  /** The corpus called {@code name}. */
  public Corpus get(String name) throws IOException {
    checkName(name);
    Path dir = root.resolve(name);
    if (!Files.exists(dir.resolve(Corpus.FILE))) {
      List<String> known = list().stream().map(Corpus::name).toList();
      throw new CorpusException(
          "no corpus called '"
              + name
              + "'"
              + (known.isEmpty()
                  ? " (none registered yet)"
                  : "; known: " + String.join(", ", known)));
    }
    return Corpus.load(dir);
  }

  /** Every registered corpus, by name. */
  public List<Corpus> list() throws IOException {
    List<Corpus> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (var dirs = Files.list(root)) {
      for (Path d : dirs.sorted().toList()) {
        if (Files.exists(d.resolve(Corpus.FILE))) {
          out.add(Corpus.load(d));
        }
      }
    }
    return out;
  }

  /** Deletes the corpus's folder (listing and embeddings); its images stay where they are. */
  public Corpus remove(String name) throws IOException {
    Corpus c = get(name);
    CorpusFiles.deleteTree(c.dir());
    return c;
  }

  static void checkName(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new CorpusException(
          "a corpus name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit: '"
              + name
              + "'");
    }
  }

  /** {@code path,label} rows (a header line with 'path' is skipped); paths relative, '/'. */
  static Map<String, String> readLabels(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new CorpusException("no labels file " + csv);
    }
    Map<String, String> out = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(csv)) {
      String line;
      boolean first = true;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        List<String> f = ManifestRow.split(line);
        if (first && f.get(0).trim().equalsIgnoreCase("path")) {
          first = false;
          continue;
        }
        first = false;
        if (f.size() < 2) {
          throw new CorpusException(csv + ": a row without a label: " + line);
        }
        out.put(f.get(0).trim().replace('\\', '/'), f.get(f.size() - 1).trim());
      }
    }
    return out;
  }
}
