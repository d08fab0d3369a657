package org.databoost.app;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.databoost.app.common.Failure;
import org.databoost.files.DataDirs;

/** Shows a failed job: what failed and why, with the details folded away and the log's place. */
final class ErrorDialog {
  private ErrorDialog() {}

  static void show(Failure failure) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.setTitle("Databoost");
    alert.setHeaderText(failure.what() + " failed");
    alert.setContentText(
        failure.message()
            + "\n\nEdits go through the journal, so a failed one leaves no file half-moved."
            + "\nDetails are also in "
            + DataDirs.logs().resolve("databoost.log"));
    TextArea details = new TextArea(failure.details());
    details.setEditable(false);
    details.setWrapText(false);
    details.setPrefRowCount(14);
    alert.getDialogPane().setExpandableContent(details);
    alert.show(); // not showAndWait: background results keep arriving while it is open
  }
}
