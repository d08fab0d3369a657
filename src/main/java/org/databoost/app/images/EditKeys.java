package org.databoost.app.images;

import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.databoost.app.common.LabelKeys;

/** Which edit a key press asks for; pure logic, so it is tested without a window. */
final class EditKeys {
  /** An edit requested from the keyboard. */
  sealed interface Action {}

  record Relabel(String label) implements Action {}

  record Delete() implements Action {}

  record AcceptSuggestion() implements Action {}

  /** K: the flag is wrong, keep the label (again: bring the flag back). */
  record KeepLabel() implements Action {}

  record Undo() implements Action {}

  record Redo() implements Action {}

  private EditKeys() {}

  static Optional<Action> of(KeyEvent e, List<String> labels) {
    return of(e.getCode(), e.isShortcutDown(), e.isShiftDown(), labels);
  }

  static Optional<Action> of(KeyCode code, boolean shortcut, boolean shift, List<String> labels) {
    if (shortcut && code == KeyCode.Z) {
      return Optional.of(shift ? new Redo() : new Undo());
    }
    if (shortcut && code == KeyCode.Y) {
      return Optional.of(new Redo());
    }
    if (shortcut || shift) {
      return Optional.empty();
    }
    if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
      return Optional.of(new Delete());
    }
    if (code == KeyCode.ENTER) {
      return Optional.of(new AcceptSuggestion());
    }
    if (code == KeyCode.K) {
      return Optional.of(new KeepLabel());
    }
    int index = LabelKeys.index(code);
    return index >= 0 && index < labels.size()
        ? Optional.of(new Relabel(labels.get(index)))
        : Optional.empty();
  }
}
