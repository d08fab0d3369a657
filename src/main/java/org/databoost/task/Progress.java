package org.databoost.task;

/**
 * The one progress-and-cancel contract of long-running core work. Core services take this
 * interface, never a JavaFX task; the UI adapts it, tests pass {@link #NONE} or a recorder.
 */
public interface Progress {

  /** A progress sink that reports nothing and is never cancelled. */
  Progress NONE =
      new Progress() {
        @Override
        public void update(String stage, long done, long total) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /**
   * Reports that {@code done} of {@code total} units of the named stage are finished; {@code total}
   * is negative when unknown.
   */
  void update(String stage, long done, long total);

  /** Whether the user asked to stop. */
  boolean isCancelled();

  /** Throws {@link CancelledException} when cancellation was requested; call between batches. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
