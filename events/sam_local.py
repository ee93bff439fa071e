"""Run the built function in a Lambda container (`sam local invoke`) against the embedded S3.

`make sam-local` runs this after `sam build`. It makes sure a python3.13 Lambda base image is
there (the official one when it is present or can be pulled, else the stand-in built by
tests/e2e/lambda-image/build.sh), starts moto's S3 server on loopback with the buckets and
sample articles (as `make demo` does, same code), then for each (function, sample event) in
INVOCATIONS runs

    sam local invoke FUNCTION -e EVENT --env-vars ENV.json --docker-network host

where ENV.json points the function's AWS clients at the embedded S3 (AWS_ENDPOINT_URL) and
--docker-network host lets the container reach it on the host's loopback. It prints the
function's output and the digest of every record the container wrote, read back from the
embedded S3. Exit status: 0 when every invocation returned, 1 otherwise, 2 when Docker or the
build is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run_local import OUTPUT_BUCKET, REGION, as_sent, embedded_s3, sample_events, show_output

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILT_TEMPLATE = ROOT / ".aws-sam" / "build" / "template.yaml"
IMAGE_RECIPE = ROOT / "tests" / "e2e" / "lambda-image"

# What to invoke: (the function's logical id in template.yaml, a glob of its sample events in events/).
# Another entry point is one more line; a line whose function the built template lacks is skipped.
# EnrichFunction's one entry point tells S3 notifications, SQS batches and Map batches apart.
INVOCATIONS: list[tuple[str, str]] = [
    ("EnrichFunction", "s3-*.json"),
    ("EnrichFunction", "sqs-*.json"),  # the queue path's batch (IngestionMode=queue)
    ("EnrichFunction", "map-*.json"),  # a Distributed Map backfill batch
]

# The image SAM CLI uses for python3.13 on x86_64, and our own name for the stand-in (never the official one's).
OFFICIAL_IMAGE = "public.ecr.aws/lambda/python:3.13-x86_64"
STANDIN_REPO = "article-enricher/lambda-python3.13-standin"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", nargs="*", help="event files for the first function (default: INVOCATIONS)")
    parser.add_argument("--template", type=Path, default=BUILT_TEMPLATE, help="the built template (sam build)")
    parser.add_argument("--image", choices=("auto", "official", "standin"), default="auto",
                        help="base image: the official one if it is there or pullable, else the stand-in (auto)")
    parser.add_argument("--json", type=Path, help="also write every output and record read back to this file")
    parser.add_argument("--full", action="store_true", help="print whole records, not a digest")
    args = parser.parse_args(argv)

    if not args.template.is_file():
        print(f"sam-local: no built template at {args.template}: run `sam build` (make sam-local does)")
        return 2
    problem = docker_problem()
    if problem:
        print(f"sam-local: Docker cannot run here: {problem}")
        return 2
    sam = shutil.which("sam") or str(ROOT / ".tools" / "bin" / "sam")
    image = base_image(args.image)
    print(f"base image: {image or OFFICIAL_IMAGE}")

    template_text = args.template.read_text(encoding="utf-8")
    if args.events:
        planned = [(INVOCATIONS[0][0], Path(p)) for p in args.events]
    else:
        planned = [(fn, path) for fn, pattern in INVOCATIONS if f"{fn}:" in template_text for path in sample_events(pattern)]

    # SAM passes the shell's value of any variable the template declares into the container (the host's
    # NLTK_DATA, say): leave those out so the template's values (and the env-vars file) decide.
    declared = declared_variables(args.template)
    sam_env = {k: v for k, v in os.environ.items() if k not in declared} | {"SAM_CLI_TELEMETRY": "0"}
    report: list[dict[str, Any]] = []
    failed = 0
    # SAM CLI leaves the container on Docker's default bridge (its --docker-network host connects it to no
    # network), so the embedded S3 listens on the bridge's gateway address, which the container reaches.
    with embedded_s3(bridge_gateway()) as (s3, endpoint, uploaded), tempfile.TemporaryDirectory(prefix="sam-local-") as tmp:
        env_file = Path(tmp) / "env.json"
        # "Parameters" applies to every function; SAM only overrides variables the template declares.
        env_file.write_text(json.dumps({"Parameters": {"AWS_ENDPOINT_URL": endpoint, "OUTPUT_BUCKET": OUTPUT_BUCKET}}))
        for function, path in planned:
            event_file = Path(tmp) / path.name
            event = as_sent(json.loads(path.read_text(encoding="utf-8")), uploaded)
            event_file.write_text(json.dumps(event))
            cmd = [sam, "local", "invoke", function, "--template", str(args.template), "--event", str(event_file),
                   "--env-vars", str(env_file), "--skip-pull-image", "--region", REGION]
            if image:
                cmd += ["--invoke-image", image]
            started = time.monotonic()
            proc = subprocess.run(cmd, capture_output=True, text=True, env=sam_env)
            seconds = time.monotonic() - started
            out = _output(proc.stdout)
            label = f"{path.name} -> {function} in a Lambda container ({seconds:.1f} s)"
            if proc.returncode != 0 or out is None or not ("results" in out or "batchItemFailures" in out):
                failed += 1
                print(f"\n== {label}: no output (sam exit {proc.returncode})")
                print("   " + "\n   ".join((proc.stdout + proc.stderr).strip().splitlines()[-40:]))
                report.append({"function": function, "event": path.name, "output": out, "results": []})
                continue
            results = show_output(label, out, s3, full=args.full, event=event)
            report.append({"function": function, "event": path.name, "output": out, "results": results})
    if args.json:
        args.json.write_text(json.dumps({"image": image or OFFICIAL_IMAGE, "invocations": report}, ensure_ascii=False))
    return 1 if failed else 0


def declared_variables(template: Path) -> set[str]:
    """Names of the environment variables the template sets on any function (or in Globals)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !Ref, !Sub, ...: values do not matter
    doc = yaml.load(template.read_text(encoding="utf-8"), Loader=Loader) or {}
    blocks = [doc.get("Globals", {}).get("Function", {})]
    blocks += [r.get("Properties", {}) for r in doc.get("Resources", {}).values() if isinstance(r, dict)]
    names: set[str] = set()
    for props in blocks:
        env = (props or {}).get("Environment") or {}
        names.update((env.get("Variables") or {}).keys())
    return names


def bridge_gateway() -> str:
    """The host's address on Docker's default bridge network (its gateway, else its subnet's first address)."""
    import ipaddress

    fmt = "{{range .IPAM.Config}}{{.Gateway}},{{.Subnet}} {{end}}"
    out = subprocess.run(["docker", "network", "inspect", "bridge", "--format", fmt], capture_output=True, text=True)
    for entry in out.stdout.split():
        gateway, _, subnet = entry.partition(",")
        if gateway and ":" not in gateway:
            return gateway
        if subnet and ":" not in subnet:
            return str(next(ipaddress.ip_network(subnet).hosts()))
    raise SystemExit(f"sam-local: no IPv4 address on Docker's bridge network: {out.stderr.strip()}")


def docker_problem() -> str | None:
    """None when the Docker daemon answers, else why not (one line)."""
    docker = shutil.which("docker")
    if not docker:
        return "no docker command (apt-get install docker.io)"
    try:
        proc = subprocess.run([docker, "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return "`docker info` did not answer in 30 s"
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return (lines[-1] if lines else f"`docker info` exited {proc.returncode}") + " (is dockerd running?)"
    return None


def base_image(choice: str = "auto") -> str | None:
    """None to let SAM use the official image (present or pulled now), else the stand-in's tag (built if missing)."""
    if choice != "standin":
        if _docker("image", "inspect", OFFICIAL_IMAGE) or _docker("pull", "-q", OFFICIAL_IMAGE, timeout=180):
            return None
        if choice == "official":
            raise SystemExit(f"sam-local: cannot pull {OFFICIAL_IMAGE}")
        print(f"{OFFICIAL_IMAGE} cannot be pulled here: using the stand-in from {IMAGE_RECIPE.relative_to(ROOT)}/")
    tag = f"{STANDIN_REPO}:{standin_version()}"
    if not _docker("image", "inspect", tag):
        subprocess.run(["bash", str(IMAGE_RECIPE / "build.sh"), tag], check=True)
    return tag


def standin_version() -> str:
    """The stand-in's tag: a hash of its recipe, so a changed recipe builds a new image and an unchanged one is reused."""
    digest = hashlib.sha256()
    for name in sorted(p.name for p in IMAGE_RECIPE.iterdir() if p.is_file()):
        digest.update(name.encode() + b"\0" + (IMAGE_RECIPE / name).read_bytes())
    return "recipe-" + digest.hexdigest()[:12]


def _docker(*args: str, timeout: float = 60) -> bool:
    try:
        return subprocess.run(["docker", *args], capture_output=True, timeout=timeout).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def _output(stdout: str) -> dict[str, Any] | None:
    """The function's response: the last line of `sam local invoke`'s standard output that is a JSON object."""
    for line in reversed(stdout.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


if __name__ == "__main__":
    sys.exit(main())
