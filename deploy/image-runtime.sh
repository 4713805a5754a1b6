#!/bin/sh
# Makes the Java runtime layer of the image (./mvnw -Pimage package runs it; decision 0037):
#   deploy/image-runtime.sh <image root> <java home> <modules>
# jlink writes a runtime with only <modules> to <image root>/opt/java; the shared libraries it links against
# (glibc, zlib, libstdc++ …) are copied from this machine beside it, since the image starts from `scratch`.
# Libraries only the desktop parts of java.desktop load (X11, sound, fonts, images) are left out: a server never
# loads them (Aftercare needs java.desktop for java.beans).
set -eu
root="$1"
java_home="$2"
modules="$3"

rm -rf "$root"
mkdir -p "$root/opt" "$root/data" "$root/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$root/opt/java"

desktop_only='libawt_xawt.so libsplashscreen.so libjsound.so libfontmanager.so liblcms.so libjavajpeg.so libjawt.so libmlib_image.so libawt.so'
find "$root/opt/java/bin" "$root/opt/java/lib" -type f \( -name '*.so' -o -perm -u+x \) | while read -r file; do
  case " $desktop_only " in *" $(basename "$file") "*) continue ;; esac
  ldd "$file" 2>/dev/null || true
done | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(/ { print $1 }' | sort -u | while read -r lib; do
  case "$lib" in "$root"/*) continue ;; esac
  cp -L --parents "$lib" "$root"
done
if [ ! -e "$root/lib64/ld-linux-x86-64.so.2" ] && [ ! -e "$root/lib/ld-linux-aarch64.so.1" ]; then
  echo "image-runtime.sh: found no dynamic loader for the runtime" >&2
  exit 1
fi
