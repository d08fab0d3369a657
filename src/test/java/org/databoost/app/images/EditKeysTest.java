package org.databoost.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class EditKeysTest {
  private static final List<String> TEN =
      List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  @Test
  void digitsRelabelInLabelOrderAndZeroIsTheTenth() {
    assertEquals(
        Optional.of(new EditKeys.Relabel("i")), EditKeys.of(KeyCode.DIGIT1, false, false, TEN));
    assertEquals(
        Optional.of(new EditKeys.Relabel("ix")), EditKeys.of(KeyCode.NUMPAD9, false, false, TEN));
    assertEquals(
        Optional.of(new EditKeys.Relabel("x")), EditKeys.of(KeyCode.DIGIT0, false, false, TEN));
    assertEquals(Optional.empty(), EditKeys.of(KeyCode.DIGIT4, false, false, List.of("a", "b")));
  }

  @Test
  void shortcutsUndoRedoDeleteAndAccept() {
    assertEquals(Optional.of(new EditKeys.Undo()), EditKeys.of(KeyCode.Z, true, false, TEN));
    assertEquals(Optional.of(new EditKeys.Redo()), EditKeys.of(KeyCode.Z, true, true, TEN));
    assertEquals(
        Optional.of(new EditKeys.Delete()), EditKeys.of(KeyCode.DELETE, false, false, TEN));
    assertEquals(
        Optional.of(new EditKeys.AcceptSuggestion()),
        EditKeys.of(KeyCode.ENTER, false, false, TEN));
    assertEquals(Optional.empty(), EditKeys.of(KeyCode.DIGIT1, true, false, TEN));
    assertEquals(Optional.empty(), EditKeys.of(KeyCode.A, false, false, TEN));
    assertEquals(Optional.of(new EditKeys.KeepLabel()), EditKeys.of(KeyCode.K, false, false, TEN));
    assertEquals(Optional.empty(), EditKeys.of(KeyCode.K, true, false, TEN));
  }
}
