#!/usr/bin/env bash
# Trains the image's class data sharing archive and adds it to the image tarball (./mvnw -Pimage package runs it
# right after Jib; decision 0066):
#   deploy/image-cds.sh <image tarball> [true|false: train, or leave the image as Jib wrote it]
# A JDK 17 archive is only used by a start with the very runtime, class path and jars it was trained with: the JVM
# compares the class path's text, each jar's size and modification time and the runtime's base archive with what it
# recorded, and starts without the archive when any differs. So the training start runs the image itself: its layers
# unpacked into a root filesystem mounted read-only, the image's environment, working directory and entrypoint,
# /data and /tmp empty scratch directories. Only the entrypoint's -XX:SharedArchiveFile=/app/aftercare.jsa is
# replaced by -XX:ArchiveClassesAtExit, and the start ends once Spring's context is refreshed (Spring Boot's recipe;
# the migrations run on an empty H2 database, as on a first start). The archive is then added to the tarball as a
# layer of its own at /app/aftercare.jsa. Nothing is pulled or downloaded.
#
# Needs a mount namespace and a change of root: run as root, or where unprivileged user namespaces are allowed
# (util-linux's unshare); python3.
set -euo pipefail
cd "$(dirname "$0")/.."
tar_file="$1"
[ "${2:-true}" = true ] || { echo "image-cds.sh: no class data sharing archive (aftercare.image.cds=false)"; exit 0; }
archive=/app/aftercare.jsa

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/rootfs" "$work/data" "$work/tmp"
tar -xf "$tar_file" -C "$work/image"
python3 deploy/image-layers.py unpack "$work/image" "$work/rootfs" > "$work/config.json"
mkdir -p "$work/rootfs/data" "$work/rootfs/tmp" "$work/rootfs/proc" "$work/rootfs/dev"

python3 - "$work" "$archive" <<'PY'
import json, shlex, shutil, sys
work, archive = sys.argv[1], sys.argv[2]
config = json.load(open(work + "/config.json"))
command = config["Entrypoint"] + (config.get("Cmd") or [])
flag = "-XX:SharedArchiveFile=" + archive
if flag not in command:
    sys.exit("image-cds.sh: the image's entrypoint does not read %s: %s" % (archive, " ".join(command)))
i = command.index(flag)
command[i:i + 1] = ["-XX:ArchiveClassesAtExit=/tmp/aftercare.jsa", "-Dspring.context.exit=onRefresh"]
q = shlex.quote
rootfs = q(work + "/rootfs")
with open(work + "/run.sh", "w") as f:
    f.write(f"""set -e
mount --bind {rootfs} {rootfs}
mount --bind {q(work + "/data")} {rootfs}/data
mount --bind {q(work + "/tmp")} {rootfs}/tmp
mount --rbind /dev {rootfs}/dev
mount -t proc proc {rootfs}/proc
mount -o remount,bind,ro {rootfs}
exec env -i {" ".join(q(e) for e in config.get("Env", []))} {q(shutil.which("unshare"))} --root={rootfs} \\
  --wd={q(config.get("WorkingDir") or "/")} {" ".join(q(c) for c in command)}
""")
PY

namespaces=(unshare --mount --propagation private --pid --fork --kill-child)
[ "$(id -u)" -eq 0 ] || namespaces+=(--user --map-root-user)
echo "image-cds.sh: training the class data sharing archive with the image's own runtime and class path"
if ! "${namespaces[@]}" sh "$work/run.sh" > "$work/training.log" 2>&1 || [ ! -s "$work/tmp/aftercare.jsa" ]; then
  grep -v 'Pre JDK 6 class not supported' "$work/training.log" | tail -n 40 >&2
  echo "image-cds.sh: the training start failed (above). It needs root or unprivileged user namespaces;" \
    "-Daftercare.image.cds=false builds the image without the archive." >&2
  exit 1
fi

image_id="$(python3 deploy/image-layers.py add "$work/image" "$work/tmp/aftercare.jsa" "$archive")"
(cd "$work/image" && tar -cf "$work/image.tar" -- *)
mv "$work/image.tar" "$tar_file"
# Jib's notes beside the tarball: the image id changed with the new layer; the registry digest is no longer known
target="$(dirname "$tar_file")"
if [ -f "$target/jib-image.id" ]; then echo -n "$image_id" > "$target/jib-image.id"; fi
rm -f "$target/jib-image.digest" "$target/jib-image.json"
echo "image-cds.sh: $archive ($(du -m "$work/tmp/aftercare.jsa" | cut -f1) MB) added to $tar_file, image $image_id"
