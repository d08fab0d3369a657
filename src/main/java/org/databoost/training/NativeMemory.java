package org.databoost.training;

import java.util.Locale;
import java.util.Map;

/**
 * The allocator settings a training process needs at start. glibc's malloc unmaps PyTorch's
 * multi-megabyte buffers after every operation and faults them back in (4,700-15,800 page faults a
 * step at batch 64), which made training up to 2.5x slower (docs/training.md). These variables only
 * work in the environment the process starts with, so the launcher starts the program again with
 * them when they are missing.
 */
public final class NativeMemory {
  /** One malloc arena with fixed mmap and trim thresholds: freed buffers are reused. */
  public static final Map<String, String> ENVIRONMENT =
      Map.of(
          "MALLOC_ARENA_MAX", "1",
          "MALLOC_MMAP_THRESHOLD_", "268435456",
          "MALLOC_TRIM_THRESHOLD_", "1073741824");

  private NativeMemory() {}

  /** Whether the settings matter here: glibc on Linux. */
  public static boolean applies() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  }

  /**
   * Whether this process started with {@link #ENVIRONMENT} (always true where it does not apply).
   */
  public static boolean isTuned() {
    return !applies()
        || ENVIRONMENT.entrySet().stream()
            .allMatch(e -> e.getValue().equals(System.getenv(e.getKey())));
  }
}
