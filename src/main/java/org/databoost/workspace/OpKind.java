package org.databoost.workspace;

/** What a journal entry did. */
public enum OpKind {
  RELABEL,
  MOVE_SPLIT,
  DELETE,
  RESTORE,
  ADD,
  /** New versions of files: the originals go to the trash, the new bytes take their paths. */
  REPLACE,
  UNDO,
  REDO;

  /** Whether the user asked for this edit directly, so that it sits on the undo stack. */
  public boolean isUserEdit() {
    return this != UNDO && this != REDO;
  }
}
