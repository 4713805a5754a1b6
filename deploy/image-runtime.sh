#!/bin/sh
# Makes the Java runtime layers of the image (./mvnw -Pimage package runs it; decision 0037):
#   deploy/image-runtime.sh <runtime dir> <libraries dir> <java home> <modules> [true|false: copy the libraries]
# jlink writes a runtime with only <modules> to <runtime dir>/opt/java; the shared libraries it links against
# (the dynamic loader, glibc, zlib, libstdc++ …) are copied from this machine to <libraries dir>, at the same paths,
# since the image starts from `scratch` (a base image of your own brings its own: see deploy/README.md).
# Libraries only the desktop parts of java.desktop load (X11, sound, fonts, images) are left out: a server never
# loads them (Aftercare needs java.desktop for java.beans).
set -eu
root="$1"
libs="$2"
java_home="$3"
modules="$4"
with_libs="${5:-true}"

rm -rf "$root" "$libs"
mkdir -p "$root/opt" "$root/data" "$root/tmp" "$libs"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive \
  --output "$root/opt/java"

[ "$with_libs" = true ] || exit 0

desktop_only='libawt_xawt.so libsplashscreen.so libjsound.so libfontmanager.so liblcms.so libjavajpeg.so libjawt.so libmlib_image.so libawt.so'
find "$root/opt/java/bin" "$root/opt/java/lib" -type f \( -name '*.so' -o -perm -u+x \) | while read -r file; do
  case " $desktop_only " in *" $(basename "$file") "*) continue ;; esac
  ldd "$file" 2>/dev/null || true
done | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(/ { print $1 }' | sort -u | while read -r lib; do
  case "$lib" in "$root"/* | */opt/java/*) continue ;; esac
  cp -L --parents "$lib" "$libs"
done
if [ ! -e "$libs/lib64/ld-linux-x86-64.so.2" ] && [ ! -e "$libs/lib/ld-linux-aarch64.so.1" ]; then
  echo "image-runtime.sh: found no dynamic loader for the runtime" >&2
  exit 1
fi
