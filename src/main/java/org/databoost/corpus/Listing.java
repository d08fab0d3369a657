package org.databoost.corpus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.FileNames;
import org.databoost.task.Progress;

/**
 * The fixed order of a corpus's images: {@code listing.tsv} (relative path, tab, label; '/' as the
 * separator) written once by a streaming walk of the source folder (each folder's entries sorted,
 * hidden files and folders skipped), and {@code listing.offsets}, the byte offset at which each
 * shard's rows begin, so that any shard reads its rows without reading the rest. Row i of the
 * listing is row i of the store, whoever embeds it.
 */
public final class Listing {
  static final String FILE = "listing.tsv";
  static final String OFFSETS = "listing.offsets";
  static final String STAGE = "Listing images";

  /** One image of the listing. */
  public record Row(long index, String path, String label) {}

  /** What a walk found. */
  public record Summary(long rows, long ignored, boolean allInLabelFolders, int folders) {}

  private Listing() {}

  /**
   * Walks {@code source} and writes the listing into {@code dir} (replacing an unfinished one).
   * Files without an image extension, and names holding a tab or a line break, are counted as
   * ignored. The label of a row is its first-level folder (when the image lies directly in one) or
   * the CSV's label when {@code csvLabels} is given.
   */
  public static Summary write(
      Path source, Path dir, int shardRows, Map<String, String> csvLabels, Progress progress)
      throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    Path tmpOffsets = dir.resolve(OFFSETS + ".tmp");
    Walker w = new Walker(source, shardRows, csvLabels, progress);
    try (FileChannel ch =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        BufferedWriter out =
            new BufferedWriter(
                new java.io.OutputStreamWriter(
                    Channels.newOutputStream(ch), StandardCharsets.UTF_8),
                1 << 16);
        BufferedWriter offsets = Files.newBufferedWriter(tmpOffsets)) {
      w.out = out;
      w.offsets = offsets;
      w.walk(source, "");
      out.flush();
      ch.force(true);
    }
    CorpusFiles.replace(tmpOffsets, dir.resolve(OFFSETS));
    CorpusFiles.replace(tmp, dir.resolve(FILE));
    return new Summary(w.rows, w.ignored, w.allDepth2, w.folderNames.size());
  }

  /** Whether a finished listing is in {@code dir}. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE)) && Files.isRegularFile(dir.resolve(OFFSETS));
  }

  /** The rows of one shard, read from its offset; labels dropped when {@code labelled} is false. */
  public static List<Row> shard(Path dir, int shard, int shardRows, boolean labelled)
      throws IOException {
    List<Long> offsets = offsets(dir);
    if (shard < 0 || shard >= offsets.size()) {
      throw new IllegalArgumentException("shard " + shard + " of " + offsets.size());
    }
    List<Row> rows = new ArrayList<>(shardRows);
    try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ)) {
      ch.position(offsets.get(shard));
      InputStream in = Channels.newInputStream(ch);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      long index = (long) shard * shardRows;
      String line;
      while (rows.size() < shardRows && (line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        String label = labelled ? line.substring(tab + 1) : "";
        rows.add(new Row(index++, line.substring(0, tab), label));
      }
    }
    return rows;
  }

  /** Byte offsets of every shard's first row. */
  public static List<Long> offsets(Path dir) throws IOException {
    List<Long> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(OFFSETS))) {
      if (!line.isBlank()) {
        out.add(Long.parseLong(line.trim()));
      }
    }
    return out;
  }

  private static final class Walker {
    final Path source;
    final int shardRows;
    final Map<String, String> csvLabels;
    final Progress progress;
    final java.util.Set<String> folderNames = new java.util.HashSet<>();
    BufferedWriter out;
    BufferedWriter offsets;
    long rows;
    long bytes;
    long ignored;
    boolean allDepth2 = true;

    Walker(Path source, int shardRows, Map<String, String> csvLabels, Progress progress) {
      this.source = source;
      this.shardRows = shardRows;
      this.csvLabels = csvLabels;
      this.progress = progress;
    }

    void walk(Path folder, String prefix) throws IOException {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
        ds.forEach(entries::add);
      }
      entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        String rel = prefix + name;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          walk(p, rel + "/");
        } else if (!FileNames.hasImageExtension(name)
            || name.contains("\t")
            || name.contains("\n")) {
          ignored++;
        } else {
          add(rel);
        }
      }
    }

    private void add(String rel) {
      int slash = rel.indexOf('/');
      boolean depth2 = slash > 0 && rel.indexOf('/', slash + 1) < 0;
      allDepth2 &= depth2;
      String label;
      if (csvLabels != null) {
        label = csvLabels.getOrDefault(rel, "");
      } else {
        label = depth2 ? rel.substring(0, slash) : "";
        if (depth2) {
          folderNames.add(label);
        }
      }
      try {
        if (rows % shardRows == 0) {
          offsets.write(Long.toString(bytes));
          offsets.newLine();
        }
        String line = rel + "\t" + label + "\n";
        out.write(line);
        bytes += line.getBytes(StandardCharsets.UTF_8).length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      rows++;
      if (rows % 10_000 == 0) {
        progress.checkCancelled();
        progress.update(STAGE, rows, -1);
      }
    }
  }
}
