package org.databoost.app.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A view-model that runs background work the status bar shows and can cancel. */
public interface TaskSource {
  ReadOnlyBooleanProperty busyProperty();

  /** The last thing that happened, in words. */
  ReadOnlyStringProperty statusProperty();

  /** The running task's progress, or null. */
  ReadOnlyObjectProperty<TaskProgress> taskProperty();

  /** The last job that failed (null until one does); the window shows it in a dialog. */
  ReadOnlyObjectProperty<Failure> failureProperty();

  /** Asks the running task to stop. */
  void cancel();
}
