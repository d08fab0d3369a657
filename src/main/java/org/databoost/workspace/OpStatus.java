package org.databoost.workspace;

/** Where a journal entry stands. */
public enum OpStatus {
  /** The intent is committed; files may be partly moved. Opening the workspace completes it. */
  PENDING,
  /** A move failed; the moves already made are being undone. Opening the workspace finishes it. */
  ROLLING_BACK,
  DONE,
  /** Rolled back: the dataset is as it was before the operation. */
  FAILED
}
