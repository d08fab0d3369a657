package org.databoost.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.databoost.dataset.Split;
import org.databoost.workspace.InvalidEditException;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The journaled edits of the command line; each one is undoable as a whole. */
final class EditCommands {
  private EditCommands() {}

  @Command(
      name = "relabel",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Give images another label (moves them into that label's folder).")
  static final class Relabel extends WorkspaceCommand {
    @Option(names = "--to", required = true, paramLabel = "LABEL", description = "The new label.")
    String label;

    @Parameters(index = "1..*", paramLabel = "FILE", description = "Images, relative to DIR.")
    List<String> files;

    @Option(names = "--files-from", paramLabel = "LIST", description = "A file listing images.")
    Path filesFrom;

    @Option(
        names = "--new-label",
        description = "The label is new: no image has it yet (its folder is created).")
    boolean newLabel;

    @Override
    int run(Workspace ws) throws WorkspaceException, IOException {
      List<String> images = files(files, filesFrom);
      Set<String> labels = new TreeSet<>();
      ws.images().forEach(r -> labels.add(r.label()));
      if (!newLabel && !labels.contains(label)) {
        // A typo must not silently create a class.
        throw new InvalidEditException(
            "No image is labelled '"
                + label
                + "' yet (the labels are "
                + String.join(", ", labels)
                + "). Check the spelling, or add --new-label to create it.");
      }
      return report("Relabelled %s", ws.relabel(images, label));
    }
  }

  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Move images to another split (train, val, test or label_book).")
  static final class Move extends WorkspaceCommand {
    @Option(names = "--to", required = true, paramLabel = "SPLIT", description = "The split.")
    String split;

    @Parameters(index = "1..*", paramLabel = "FILE", description = "Images, relative to DIR.")
    List<String> files;

    @Option(names = "--files-from", paramLabel = "LIST", description = "A file listing images.")
    Path filesFrom;

    @Override
    int run(Workspace ws) throws WorkspaceException, IOException {
      return report("Moved %s", ws.moveToSplit(files(files, filesFrom), Split.parse(split)));
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Move images to the trash (DIR/.databoost/trash); nothing is erased.")
  static final class Delete extends WorkspaceCommand {
    @Parameters(index = "1..*", paramLabel = "FILE", description = "Images, relative to DIR.")
    List<String> files;

    @Option(names = "--files-from", paramLabel = "LIST", description = "A file listing images.")
    Path filesFrom;

    @Override
    int run(Workspace ws) throws WorkspaceException, IOException {
      return report("Moved %s to the trash", ws.delete(files(files, filesFrom)));
    }
  }

  @Command(
      name = "undo",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Undo the latest edit (also after a restart).")
  static final class Undo extends WorkspaceCommand {
    @Override
    int run(Workspace ws) throws WorkspaceException {
      if (!ws.canUndo()) {
        out().println("Nothing to undo.");
        return ExitCodes.FAILURE;
      }
      return report("Undid an edit of %s", ws.undo(), "redo");
    }
  }

  @Command(
      name = "redo",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Redo the edit undone last.")
  static final class Redo extends WorkspaceCommand {
    @Override
    int run(Workspace ws) throws WorkspaceException {
      if (!ws.canRedo()) {
        out().println("Nothing to redo.");
        return ExitCodes.FAILURE;
      }
      return report("Redid an edit of %s", ws.redo());
    }
  }
}
