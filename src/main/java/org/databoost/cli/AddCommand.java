package org.databoost.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.databoost.dataset.Split;
import org.databoost.workspace.NewImage;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Copies image files from elsewhere into a split and label of the dataset. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Copy image files into the dataset (the originals stay where they are).")
final class AddCommand extends WorkspaceCommand {
  @Option(names = "--split", defaultValue = "train", description = "Target split (default: train).")
  String split;

  @Option(names = "--label", required = true, description = "Target label.")
  String label;

  @Parameters(index = "1..*", paramLabel = "FILE", description = "Image files to copy in.")
  List<Path> sources;

  @Override
  int run(Workspace ws) throws WorkspaceException, IOException {
    Split target = Split.parse(split);
    List<NewImage> images = new ArrayList<>();
    for (Path p : sources) {
      images.add(NewImage.fromFile(p, target, label, "added from " + p.toAbsolutePath()));
    }
    return report("Added %s", ws.add(images));
  }
}
