package org.databoost.dataset;

import java.util.Locale;
import java.util.Set;

/** Which file names in a dataset folder are images, and which are ignored quietly. */
public final class FileNames {
  /** Lower-case extensions of the image formats we read. */
  public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  private static final Set<String> IGNORED = Set.of("thumbs.db", "desktop.ini", "__macosx");

  private FileNames() {}

  /** Hidden files and folders (".DS_Store", ".databoost", "Thumbs.db") are ignored quietly. */
  public static boolean isIgnored(String name) {
    return name.startsWith(".") || IGNORED.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The lower-case extension of a file name, or "" when it has none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Whether the name carries one of the image extensions. */
  public static boolean hasImageExtension(String name) {
    return IMAGE_EXTENSIONS.contains(extension(name));
  }
}
