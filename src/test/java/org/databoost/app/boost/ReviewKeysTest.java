package org.databoost.app.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The review queue's single keys, without the toolkit. */
class ReviewKeysTest {
  private static final List<String> LABELS =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  @Test
  void keysAcceptRelabelRejectAndUndecideLikeTheViewersRelabelKeys() {
    assertEquals(Optional.of(new ReviewKeys.Accept()), ReviewKeys.of(KeyCode.A, false, LABELS));
    assertEquals(Optional.of(new ReviewKeys.Accept()), ReviewKeys.of(KeyCode.ENTER, false, LABELS));
    assertEquals(
        Optional.of(new ReviewKeys.Relabel("iii")), ReviewKeys.of(KeyCode.DIGIT3, false, LABELS));
    assertEquals(
        Optional.of(new ReviewKeys.Relabel("x")), ReviewKeys.of(KeyCode.DIGIT0, false, LABELS));
    assertEquals(
        Optional.of(new ReviewKeys.Reject()), ReviewKeys.of(KeyCode.DELETE, false, LABELS));
    assertEquals(Optional.of(new ReviewKeys.Reject()), ReviewKeys.of(KeyCode.X, false, LABELS));
    assertEquals(Optional.of(new ReviewKeys.Undecide()), ReviewKeys.of(KeyCode.U, false, LABELS));
    assertTrue(ReviewKeys.of(KeyCode.A, true, LABELS).isEmpty(), "Ctrl+A is not a decision");
    assertTrue(ReviewKeys.of(KeyCode.DIGIT4, false, List.of("a", "b")).isEmpty(), "no 4th label");
    assertTrue(ReviewKeys.of(KeyCode.Q, false, LABELS).isEmpty());
  }
}
