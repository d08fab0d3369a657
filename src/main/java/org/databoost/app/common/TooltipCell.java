package org.databoost.app.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell of text that carries its whole text as its tooltip, so that a column too narrow to
 * show it (a long path, a long detail) can still be read.
 *
 * @param <S> the table's row type
 */
public class TooltipCell<S> extends TableCell<S, String> {
  private final Tooltip tip = new Tooltip();

  @Override
  protected void updateItem(String text, boolean empty) {
    super.updateItem(text, empty);
    setText(empty ? null : text);
    tip.setText(text);
    setTooltip(empty || text == null || text.isEmpty() ? null : tip);
  }
}
