package org.databoost.workspace;

import java.io.IOException;

/**
 * Fault injection for tests: called at the points where a crash or a disk error would hurt most.
 * Production code uses {@link #NONE}.
 */
interface StepHook {
  StepHook NONE = new StepHook() {};

  /** Before each file move, forward or back, including those made by recovery. */
  default void beforeMove(long opId, Step step) throws IOException {}

  /** After all moves of an operation, before the transaction that marks it done. */
  default void beforeFinish(long opId) throws IOException {}

  /** After the files of an add are copied into staging, before the intent is committed. */
  default void afterStaging() throws IOException {}
}
