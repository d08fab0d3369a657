#!/bin/sh
# Rebuilds the MKL-on-AMD shim shipped in the jar (needs gcc; the result is committed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/org/databoost/training/native/linux-x86_64/libdataboost-mkl-amd.so"
gcc -shared -fPIC -O2 -s -Wl,--build-id=none -o "$out" "$here/mkl_amd.c"
sha256sum "$out"
