package org.databoost.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer key of a generated sample: for every image its given label (the folder), its true
 * label and its kind. Stored as {@value #FILE_NAME} at the sample root, so label-error detection
 * can be scored against it.
 */
public record SampleTruth(List<Entry> entries) {
  /** Name of the truth file under the dataset root. */
  public static final String FILE_NAME = "sample-truth.csv";

  /** Label written as the true label of images that are no numeral. */
  public static final String JUNK_LABEL = "junk";

  private static final String HEADER = "path,given_label,true_label,kind";

  /**
   * One image.
   *
   * @param path relative to the dataset root, with forward slashes
   * @param givenLabel the label folder it sits in
   * @param trueLabel the numeral actually drawn, or {@value SampleTruth#JUNK_LABEL}
   */
  public record Entry(String path, String givenLabel, String trueLabel, SampleKind kind) {}

  public SampleTruth {
    entries = List.copyOf(entries);
  }

  /** How many entries have this kind. */
  public long count(SampleKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).count();
  }

  /** Writes the CSV file (UTF-8, one header line). */
  public void write(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (Entry e : entries) {
        out.write(String.join(",", e.path(), e.givenLabel(), e.trueLabel(), e.kind().word()));
        out.write('\n');
      }
    }
  }

  /** Reads a truth file written by {@link #write}. */
  public static SampleTruth read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + " is not a sample truth file (expected header " + HEADER + ")");
    }
    List<Entry> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 4) {
        throw new IOException(file + " line " + (i + 1) + ": expected 4 fields, got " + f.length);
      }
      try {
        out.add(new Entry(f[0], f[1], f[2], SampleKind.ofWord(f[3])));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + ": unknown kind '" + f[3] + "'", e);
      }
    }
    return new SampleTruth(out);
  }
}
