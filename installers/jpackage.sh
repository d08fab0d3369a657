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

# ONNX Runtime's jar carries five platforms' natives and their debug symbols (137 MB packed, 620 MB
# unpacked): rebuild it with this platform's natives only (about 9 MB).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ort=linux-x64 ;;
  Linux-aarch64) ort=linux-aarch64 ;;
  Darwin-arm64) ort=osx-aarch64 ;;
  Darwin-x86_64) ort=osx-x64 ;;
  *) ort=win-x64 ;;
esac
for jar in "$input"/lib/onnxruntime-[0-9]*.jar; do
  [ -f "$jar" ] || continue
  abs="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
  work="$input/onnxruntime-unpacked"
  rm -rf "$work" && mkdir -p "$work"
  keep=$(jar tf "$abs" | grep -v '/$' | grep -Ev '^ai/onnxruntime/native/|^META-INF/MANIFEST.MF$' || true)
  keep+=" $(jar tf "$abs" | grep -E "^ai/onnxruntime/native/$ort/[^/]+$" | grep -Ev '\.(pdb|dSYM)$' || true)"
  # shellcheck disable=SC2086 # one entry a word; the jar has no names with spaces
  (cd "$work" && jar xf "$abs" META-INF/MANIFEST.MF $keep)
  mv "$work/META-INF/MANIFEST.MF" "$input/onnxruntime-manifest.mf"
  rm "$abs"
  jar --create --file "$abs" --manifest "$input/onnxruntime-manifest.mf" -C "$work" .
  rm -rf "$work" "$input/onnxruntime-manifest.mf"
  jar tf "$abs" | grep -q "^ai/onnxruntime/native/$ort/" || { echo "no $ort natives in $abs" >&2; exit 1; }
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
  # the window's young generation (org.databoost.WindowHeap, docs/window-timings.md); the
  # launcher serves every command, and the commands that train pay nothing measurable for it
  --java-options "-XX:MaxNewSize=64m"
  --java-options "-XX:MaxTenuringThreshold=1"
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
