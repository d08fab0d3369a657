package org.databoost;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The window's JVM gets a young generation of at most 64 MB whose survivors move to the old
 * generation at their second collection. With G1's default sizing the young generation grows to
 * hundreds of megabytes, and the first collections after a large table was loaded copy its 100K
 * fresh rows in one pause of 60-170 ms: a visible hitch while the gallery scrolls or a model
 * trains. Capped, collections come more often and each copies less; promoted early, the table's
 * rows are not copied again from survivor space to survivor space up to 15 times
 * (docs/window-timings.md). Only the window (no command, or {@code open}) and {@code bench ui},
 * which times it, get it on a plain {@code java -jar}; an installed copy's launcher carries it.
 */
final class WindowHeap {
  /** The options. */
  static final List<String> OPTIONS = List.of("-XX:MaxNewSize=64m", "-XX:MaxTenuringThreshold=1");

  /**
   * Options by which the user sized the young generation or chose when its survivors are promoted,
   * or chose a collector other than G1.
   */
  private static final Pattern USERS_OWN =
      Pattern.compile(
          "-XX:\\+Use(?!G1GC)\\w+GC|-XX:(Max)?NewSize=.*|-Xmn.*|-XX:NewRatio=.*"
              + "|-XX:(Max|Initial)TenuringThreshold=.*");

  private WindowHeap() {}

  /** Whether these arguments start the window (or time it). */
  static boolean forWindow(String[] args) {
    return args.length == 0
        || args[0].equals("open")
        || (args.length > 1 && args[0].equals("bench") && args[1].equals("ui"));
  }

  /**
   * The options to add to a JVM started with these: none when they already size the young
   * generation or its promotion (these options included) or choose another collector.
   */
  static List<String> options(List<String> jvmOptions) {
    return jvmOptions.stream().anyMatch(o -> USERS_OWN.matcher(o).matches()) ? List.of() : OPTIONS;
  }
}
