package org.databoost.app.boost;

import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.databoost.app.common.LabelKeys;

/** Which review decision a key asks for; pure logic, tested without a window. */
final class ReviewKeys {
  /** A decision on the selected corpus image. */
  sealed interface Action {}

  /** Accept with the proposed label (Enter or A). */
  record Accept() implements Action {}

  /** Accept with another label (1..9 the first nine labels, 0 the tenth, as in the viewer). */
  record Relabel(String label) implements Action {}

  /** Reject (Delete, Backspace or X). */
  record Reject() implements Action {}

  /** Undecided again (U). */
  record Undecide() implements Action {}

  private ReviewKeys() {}

  static Optional<Action> of(KeyCode code, boolean modified, List<String> labels) {
    if (modified) {
      return Optional.empty();
    }
    switch (code) {
      case ENTER, A:
        return Optional.of(new Accept());
      case DELETE, BACK_SPACE, X:
        return Optional.of(new Reject());
      case U:
        return Optional.of(new Undecide());
      default:
        break;
    }
    int index = LabelKeys.index(code);
    return index >= 0 && index < labels.size()
        ? Optional.of(new Relabel(labels.get(index)))
        : Optional.empty();
  }
}
