package org.databoost.app.common;

import javafx.scene.input.KeyCode;

/**
 * The digit keys that pick a label wherever the window relabels: the viewer and the review queue.
 */
public final class LabelKeys {
  private LabelKeys() {}

  /** 1..9 are the first nine labels, 0 the tenth (top row or keypad); -1 for other keys. */
  public static int index(KeyCode code) {
    return switch (code) {
      case DIGIT1, NUMPAD1 -> 0;
      case DIGIT2, NUMPAD2 -> 1;
      case DIGIT3, NUMPAD3 -> 2;
      case DIGIT4, NUMPAD4 -> 3;
      case DIGIT5, NUMPAD5 -> 4;
      case DIGIT6, NUMPAD6 -> 5;
      case DIGIT7, NUMPAD7 -> 6;
      case DIGIT8, NUMPAD8 -> 7;
      case DIGIT9, NUMPAD9 -> 8;
      case DIGIT0, NUMPAD0 -> 9;
      default -> -1;
    };
  }
}
