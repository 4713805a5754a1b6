#!/usr/bin/env python3
"""Reads and extends the image tarball that `./mvnw -Pimage package` writes (a Docker archive: manifest.json names
the image config and the layers, bottom first), without a container runtime.

  image-layers.py unpack <image dir> <root dir>     unpacks the layers into <root dir>; prints the config as JSON
  image-layers.py add <image dir> <file> <path>     adds <file> at <path> in the image, as a layer of its own on top

<image dir> is the tarball unpacked (tar -xf). `add` rewrites manifest.json and the config in place (a new layer,
its diff id and a history entry); tar the directory again to get the image. Files in the new layer have the owner,
mode and modification time Jib gives its own (root, 644, one second after the epoch), so that a rebuild of the same
inputs gives the same layer.
"""
import gzip, hashlib, io, json, os, sys, tarfile

EPOCH_PLUS_SECOND = 1


def manifest(image):
    with open(os.path.join(image, "manifest.json")) as f:
        return json.load(f)


def unpack(image, root):
    entry = manifest(image)[0]
    for layer in entry["Layers"]:
        with tarfile.open(os.path.join(image, layer)) as t:
            if hasattr(tarfile, "data_filter"):
                t.extractall(root, filter="tar")
            else:
                t.extractall(root)
    with open(os.path.join(image, entry["Config"])) as f:
        print(json.dumps(json.load(f)["config"]))


def add(image, source, path):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        parts = path.strip("/").split("/")
        for i in range(1, len(parts)):
            d = tarfile.TarInfo("/".join(parts[:i]) + "/")
            d.type, d.mode, d.mtime = tarfile.DIRTYPE, 0o755, EPOCH_PLUS_SECOND
            t.addfile(d)
        info = tarfile.TarInfo("/".join(parts))
        info.size, info.mode, info.mtime = os.path.getsize(source), 0o644, EPOCH_PLUS_SECOND
        with open(source, "rb") as f:
            t.addfile(info, f)
    uncompressed = raw.getvalue()
    compressed = gzip.compress(uncompressed, mtime=0)
    name = hashlib.sha256(compressed).hexdigest() + ".tar.gz"
    with open(os.path.join(image, name), "wb") as f:
        f.write(compressed)

    entries = manifest(image)
    config_path = os.path.join(image, entries[0]["Config"])
    with open(config_path) as f:
        config = json.load(f)
    config["rootfs"]["diff_ids"].append("sha256:" + hashlib.sha256(uncompressed).hexdigest())
    history = config.setdefault("history", [])
    history.append({"created": history[-1]["created"] if history else "1970-01-01T00:00:00Z",
                    "author": "Aftercare", "created_by": "deploy/image-layers.py add", "comment": path})
    with open(config_path, "w") as f:
        json.dump(config, f, separators=(",", ":"))
    entries[0]["Layers"].append(name)
    with open(os.path.join(image, "manifest.json"), "w") as f:
        json.dump(entries, f, separators=(",", ":"))
    with open(config_path, "rb") as f:
        print("sha256:" + hashlib.sha256(f.read()).hexdigest())


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "unpack":
        unpack(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "add":
        add(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
