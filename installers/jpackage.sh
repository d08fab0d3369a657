#!/usr/bin/env bash
# Builds native installers with jpackage and a bundled Java runtime.
# Run after 'mvn package' (the 'installer' Maven profile runs it for you) on the platform whose
# installer you want: jpackage cannot cross-build.
#   Linux:   installers/jpackage.sh app-image deb      (needs fakeroot and dpkg-deb)
#   Windows: installers/jpackage.sh msi                 (Git Bash; needs the WiX 3 toolset)
#   macOS:   installers/jpackage.sh dmg                 (Apple silicon; DJL ships no Intel-mac engine)
# Output: target/installer/
set -euo pipefail
cd "$(dirname "$0")/.."

version=${DATABOOST_INSTALLER_VERSION:-0.1.0}   # jpackage wants numbers only
name=Databoost
out=target/installer
input=target/installer-input
[ -f target/databoost.jar ] || { echo "run 'mvn -q package -DskipTests' first" >&2; exit 2; }

case "$(uname -s)" in
  Linux) os=linux; skip='(macosx|windows|osx)' ;;
  Darwin) os=mac; skip='(linux|windows)-' ;;
  *) os=windows; skip='(linux|macosx|osx)' ;;
esac

# The jar and its libraries, without other platforms' native jars (Smile's OpenBLAS comes for
# four platforms: about 70 MB that no single installer needs).
rm -rf "$input" && mkdir -p "$input/lib" "$out"
cp target/databoost.jar "$input/"
for jar in target/lib/*.jar; do
  if ! basename "$jar" | grep -Eq -- "-$skip"; then
    cp "$jar" "$input/lib/"
  fi
done

# jlink only the JDK modules the app touches: java.se, the Vector API, jdk.unsupported for the
# native libraries, jdk.crypto.ec for TLS-free hashing providers, jdk.management for the
# relauncher, jdk.zipfs and locale data.
modules=java.se,jdk.incubator.vector,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.localedata

# The launcher ignores JDK_JAVA_OPTIONS: everything the JVM needs goes here. JavaFX and
# ControlsFX sit on the class path, so ControlsFX needs no --add-opens (the JVM would warn about
# an unknown module javafx.controls); the allocator settings are set by the program itself,
# which restarts once with them for the commands that train.
java_options=(
  --java-options "-Xmx6g"
  --java-options "--add-modules=jdk.incubator.vector"
  --java-options "-Dai.djl.offline=true"
  --java-options "-DOPT_OUT_TRACKING=true"
)
common=(
  --input "$input" --main-jar databoost.jar --main-class org.databoost.Launcher
  --name "$name" --app-version "$version" --vendor "Databoost"
  --description "A desktop workbench for data-centric machine learning"
  --copyright "GPL-3.0-or-later"
  --add-modules "$modules"
  --dest "$out"
  "${java_options[@]}"
)
for type in "$@"; do
  args=("${common[@]}")
  case "$type" in
    app-image) args+=(--icon assets/icon.png); rm -rf "${out:?}/$name" ;;
    deb)
      args+=(--license-file LICENSE --linux-package-name databoost --linux-shortcut
             --linux-menu-group "Development;Science" --linux-app-category science
             --linux-package-deps "libgtk-3-0, libxtst6, libfontconfig1" --icon assets/icon.png) ;;
    msi) args+=(--license-file LICENSE --win-menu --win-shortcut --win-dir-chooser --icon assets/icon.ico) ;;
    dmg) args+=(--license-file LICENSE --mac-package-name Databoost --icon assets/icon.icns) ;;
    *) echo "unknown installer type: $type" >&2; exit 2 ;;
  esac
  echo "jpackage --type $type ..."
  jpackage --type "$type" "${args[@]}"
done
ls -la "$out"
