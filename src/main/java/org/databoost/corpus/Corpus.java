package org.databoost.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A registered candidate corpus: where its images are, how they are labelled, and the folder that
 * holds its listing and its embedding stores ({@code corpus.properties}, {@code listing.tsv},
 * {@code store/<embedder>/}).
 *
 * @param kind {@code images} (a folder tree) or {@code embeddings} (a precomputed table)
 * @param labels {@code folders} (first-level folder), {@code csv} (a CSV of path,label) or {@code
 *     none}
 */
public record Corpus(
    String name,
    Path dir,
    Path source,
    String kind,
    String labels,
    int shardRows,
    long rows,
    long ignored,
    String created) {
  static final String FILE = "corpus.properties";

  public boolean labelled() {
    return !labels.equals("none");
  }

  /** Where its labels come from, as a listing says it: "labels from folders", "no labels". */
  public String labelsText() {
    return switch (labels) {
      case "none" -> "no labels";
      case "folders" -> "labels from folders";
      case "csv" -> "labels from a CSV";
      default -> "labels: " + labels;
    };
  }

  public int shards() {
    return (int) ((rows + shardRows - 1) / shardRows);
  }

  /** The folder of one embedder's store. */
  public Path storeDir(String embedderName) {
    if (!embedderName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a safe embedder name: " + embedderName);
    }
    return dir.resolve("store").resolve(embedderName);
  }

  void save() throws IOException {
    Properties p = new Properties();
    p.setProperty("name", name);
    p.setProperty("source", source.toString());
    p.setProperty("kind", kind);
    p.setProperty("labels", labels);
    p.setProperty("shardRows", Integer.toString(shardRows));
    p.setProperty("rows", Long.toString(rows));
    p.setProperty("ignored", Long.toString(ignored));
    p.setProperty("created", created);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "Databoost candidate corpus");
    }
    CorpusFiles.replace(tmp, dir.resolve(FILE));
  }

  static Corpus load(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve(FILE))) {
      p.load(r);
    }
    return new Corpus(
        p.getProperty("name"),
        dir,
        Path.of(p.getProperty("source")),
        p.getProperty("kind", "images"),
        p.getProperty("labels", "none"),
        Integer.parseInt(p.getProperty("shardRows")),
        Long.parseLong(p.getProperty("rows")),
        Long.parseLong(p.getProperty("ignored", "0")),
        p.getProperty("created", ""));
  }
}
