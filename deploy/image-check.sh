#!/usr/bin/env bash
# Runs the image that `./mvnw -Pimage package` built (target/jib-image.tar) the way a container runtime would,
# without one: its layers unpacked into a root filesystem that is mounted read-only, /tmp a fresh tmpfs (Kubernetes'
# emptyDir) and /data (AFTERCARE_DATA_DIR) an empty directory (the volume), under the image's own numeric user,
# environment, working directory and entrypoint. Passes when /actuator/health/readiness answers UP on loopback, the
# JVM runs under the image's uid (not root), and the database and key files were written to /data. Prints the time
# from the start to ready and whether the JVM maps the class data sharing archives (the runtime's base archive and
# /app/aftercare.jsa, trained at build time; an archive that does not match is ignored and the start goes on, but
# this check then fails, unless it was asked to start with other JVM options).
#
#   deploy/image-check.sh [target/jib-image.tar]
#   AFTERCARE_IMAGE_CHECK_JAVA_TOOL_OPTIONS=-Xshare:off deploy/image-check.sh    # the same start without the archives
#   AFTERCARE_IMAGE_CHECK_DATA=/some/dir deploy/image-check.sh   # /data from that directory, kept afterwards: run it
#                                                                 # twice and the second start is a restart
#
# Needs root (for the mount namespace and the change of root; as CI runs), util-linux's unshare, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
tar_file="${1:-target/jib-image.tar}"
[ -f "$tar_file" ] || { echo "No image tarball at $tar_file: build it with ./mvnw -Pimage package" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "image-check.sh mounts and changes root: run it as root (sudo)" >&2; exit 1; }
port="${AFTERCARE_IMAGE_CHECK_PORT:-18080}"

work="$(mktemp -d)"
pid=""
java_pid=""
cleanup() {
  # SIGTERM to the JVM (a graceful shutdown, as Kubernetes does); unshare --kill-child ends whatever is left
  if [ -n "$java_pid" ]; then kill -TERM "$java_pid" 2>/dev/null || true; fi
  if [ -n "$pid" ]; then
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# the volume: a fresh directory (a first start), or one kept from an earlier check (a restart)
data="${AFTERCARE_IMAGE_CHECK_DATA:-$work/data}"
mkdir -p "$work/image" "$work/rootfs" "$data"
data="$(cd "$data" && pwd)"
tar -xf "$tar_file" -C "$work/image"

# Unpack the layers (deploy/image-layers.py) and write the script that starts the entrypoint as the runtime would.
python3 deploy/image-layers.py unpack "$work/image" "$work/rootfs" > "$work/config.json"
python3 - "$work" "$port" "${AFTERCARE_IMAGE_CHECK_JAVA_TOOL_OPTIONS:-}" "$data" <<'PY'
import json, os, shlex, shutil, sys
work, port, java_tool_options, data = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
config = json.load(open(os.path.join(work, "config.json")))
rootfs = os.path.join(work, "rootfs")
user = config.get("User", "")
uid, _, gid = user.partition(":")
if not uid.isdigit() or int(uid) == 0:
    sys.exit("the image must run as a numeric user other than root, not %r" % user)
gid = gid or uid
env = config.get("Env", []) + ["SERVER_PORT=" + port, "SERVER_ADDRESS=127.0.0.1"]
if java_tool_options:
    env.append("JAVA_TOOL_OPTIONS=" + java_tool_options)
command = config["Entrypoint"] + (config.get("Cmd") or [])
q = shlex.quote
with open(os.path.join(work, "uid"), "w") as f:
    f.write(uid)
with open(os.path.join(work, "run.sh"), "w") as f:
    f.write(f"""set -e
mount --bind {q(rootfs)} {q(rootfs)}
mount --bind {q(data)} {q(rootfs)}/data
mount -t tmpfs -o mode=1777,size=256m tmpfs {q(rootfs)}/tmp
mount --rbind /dev {q(rootfs)}/dev
mount -t proc proc {q(rootfs)}/proc
mount -o remount,bind,ro {q(rootfs)}
exec env -i {" ".join(q(e) for e in env)} {q(shutil.which("unshare"))} --root={q(rootfs)} --wd={q(config.get("WorkingDir") or "/")} \\
  --setgid={gid} --setuid={uid} {" ".join(q(c) for c in command)}
""")
print("image: user %s, working directory %s, entrypoint: %s" % (user, config.get("WorkingDir"), " ".join(command)))
if java_tool_options:
    print("JAVA_TOOL_OPTIONS=" + java_tool_options)
PY
uid="$(cat "$work/uid")"
# mount points a runtime makes for the volumes, /proc and /dev (the root filesystem itself stays read-only)
mkdir -p "$work/rootfs/data" "$work/rootfs/tmp" "$work/rootfs/proc" "$work/rootfs/dev"
chown "$uid" "$data"

begin="$(date +%s%N)"
unshare --mount --propagation private --pid --fork --kill-child sh "$work/run.sh" >"$work/app.log" 2>&1 &
pid=$!

ready=""
for _ in $(seq 1 2400); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
    ready="$(( ($(date +%s%N) - begin) / 1000000 ))"; break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "FAILED: the image did not become ready; its log:" >&2
  tail -n 60 "$work/app.log" >&2
  exit 1
fi

# the JVM whose root is the unpacked image
java_pid="$(pgrep -f -- 'jib-classpath-file' | while read -r p; do
  [ "$(readlink "/proc/$p/root")" = "$work/rootfs" ] && echo "$p"; done | head -n 1)"
[ -n "$java_pid" ] || { echo "FAILED: no JVM found running in the image's root" >&2; exit 1; }
running_uid="$(awk '/^Uid:/ {print $2}' "/proc/$java_pid/status")"
[ "$running_uid" = "$uid" ] || { echo "FAILED: the JVM runs as uid $running_uid, not $uid" >&2; exit 1; }
for f in aftercare.mv.db master-key.json; do
  [ -s "$data/$f" ] || { echo "FAILED: $f was not written to /data" >&2; ls -la "$data" >&2; exit 1; }
done
if grep -E "Read-only file system|AccessDeniedException" "$work/app.log" >&2; then
  echo "FAILED: the application tried to write outside /data and /tmp" >&2; exit 1
fi
# Class data sharing: the JVM maps the archives it uses; one it ignored (or that is missing) is not mapped.
for jsa in /opt/java/lib/server/classes.jsa /app/aftercare.jsa; do
  if grep -q "$jsa\$" "/proc/$java_pid/maps"; then used=used; else used="NOT used"; fi
  echo "class data sharing: $jsa $used"
  # an application archive the image ships but its own start ignores was trained for other files: a build gone
  # wrong (an image built with -Daftercare.image.cds=false has none, and then starts without the runtime's either)
  if [ "$jsa" = /app/aftercare.jsa ] && [ "$used" != used ] && [ -f "$work/rootfs$jsa" ] \
    && [ -z "${AFTERCARE_IMAGE_CHECK_JAVA_TOOL_OPTIONS:-}" ]; then
    echo "FAILED: the image holds $jsa but its start did not use it" >&2; exit 1
  fi
done
started="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$work/app.log" | grep -o '[0-9.]* seconds' || true)"
echo "ready after $ready ms (Spring reports ${started:-?}; load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "OK: the image is ready on a read-only root as uid $uid, with its data in /data ($(ls "$data" | tr '\n' ' '))"
