package org.databoost.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a shard's manifest ({@code shard-NNNNN.csv}): which image the store's row is, its
 * content hash, size and modification time when it was embedded, and {@code ok} or the problem that
 * kept it out (its vector is then NaN, which every search skips).
 */
public record ManifestRow(
    long row,
    String path,
    String label,
    String sha256,
    long bytes,
    long modified,
    String status,
    String problem) {
  static final String HEADER = "row,path,label,sha256,bytes,modified,status,problem";

  public boolean ok() {
    return status.equals("ok");
  }

  String toCsv() {
    return row
        + ","
        + quote(path)
        + ","
        + quote(label)
        + ","
        + sha256
        + ","
        + bytes
        + ","
        + modified
        + ","
        + status
        + ","
        + quote(problem);
  }

  static ManifestRow parse(String line) {
    List<String> f = split(line);
    if (f.size() != 8) {
      throw new IllegalArgumentException("not a manifest row: " + line);
    }
    return new ManifestRow(
        Long.parseLong(f.get(0)),
        f.get(1),
        f.get(2),
        f.get(3),
        Long.parseLong(f.get(4)),
        Long.parseLong(f.get(5)),
        f.get(6),
        f.get(7));
  }

  static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  /** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          b.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString());
    return out;
  }
}
