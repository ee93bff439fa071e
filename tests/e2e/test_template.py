"""Deployment checks: the SAM template, its linters and security scan, and a real `sam build`.

Tools come from environment variables, else from PATH, else from the repo's .tools/bin:
    SAM        the SAM CLI (`sam`)
    CFN_LINT   cfn-lint (`cfn-lint`)
    CHECKOV    checkov (`checkov`)
    PYTHON313  CPython 3.13 (`$(pyenv root)/versions/3.13*/bin/python3.13`, else `python3.13`)
A missing tool fails the test when CI=true, and skips it (saying what is missing) otherwise.

The build test (marked slow) runs `sam build` into a temporary directory with python3.13
first on PATH and NLTK_DATA pointing at a local copy of the NLTK data (`make test` sets it),
measures the artefacts and imports the handler from them the way Lambda would lay them out.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import textwrap
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
IN_CI = os.environ.get("CI", "").lower() == "true"

FUNCTION = "EnrichFunction"
LAYER = "DepsLayer"
INPUT_BUCKET = "InputBucket"
OUTPUT_BUCKET = "OutputBucket"

REQUIRED_SUFFIXES = {".txt", ".html", ".htm", ".json", ".md"}
HANDLER_ENV = {
    "OUTPUT_BUCKET",
    "OUTPUT_PREFIX",
    "SUMMARY_SENTENCES",
    "MAX_TAGS",
    "NLTK_DATA",
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_METRICS_NAMESPACE",
    "LOG_LEVEL",
}
HARD_LIMIT_MIB = 90  # function + layer, unzipped: the ceiling issue 14 set (Lambda's own is 250 MB)
TARGET_MIB = 80  # issue 6


# ---------------------------------------------------------------------------- tools


def _missing(what: str) -> None:
    message = f"{what} (see tests/e2e/test_template.py for how tools are found)"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _tool(env_var: str, name: str) -> str:
    configured = os.environ.get(env_var)
    if configured:
        found = shutil.which(configured)
        if not found:
            _missing(f"{env_var}={configured!r} is not an executable")
        return str(found)
    found = shutil.which(name) or shutil.which(name, path=str(ROOT / ".tools" / "bin"))
    if not found:
        _missing(f"{name} not found: set {env_var}, put it on PATH or in .tools/bin")
    return str(found)


def _python313() -> str:
    configured = os.environ.get("PYTHON313")
    candidates = [configured] if configured else []
    if not configured:
        pyenv_root = os.environ.get("PYENV_ROOT")
        if not pyenv_root and shutil.which("pyenv"):
            try:
                pyenv_root = subprocess.run(
                    ["pyenv", "root"], capture_output=True, text=True, timeout=30, check=True
                ).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                pyenv_root = None
        pyenv_root = pyenv_root or os.path.expanduser("~/.pyenv")
        candidates += sorted(glob.glob(os.path.join(pyenv_root, "versions", "3.13*", "bin", "python3.13")), reverse=True)
        candidates.append("python3.13")
    for candidate in candidates:
        path = shutil.which(candidate)
        if path:
            return str(Path(path).resolve()) if "shims" not in path else path
    _missing("python3.13 not found: set PYTHON313 or install CPython 3.13 (e.g. with pyenv)")
    raise AssertionError("unreachable")


def _tool_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    env["SAM_CLI_TELEMETRY"] = "0"
    env.update(extra)
    return env


def _run(cmd: list[str], *, timeout: int = 600, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("cwd", ROOT)
    kwargs.setdefault("env", _tool_env())
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)


def _output(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit {proc.returncode}\n--- stdout\n{proc.stdout[-6000:]}\n--- stderr\n{proc.stderr[-6000:]}"


# ---------------------------------------------------------------------------- template parsing


def _load_template() -> dict[str, Any]:
    """template.yaml as plain data; short-form intrinsics become their long JSON form."""
    try:
        import yaml
    except ImportError:
        try:
            from cfnlint.decode import cfn_yaml
        except ImportError:
            _missing("neither PyYAML nor cfn-lint's Python package is importable to parse template.yaml")
        return json.loads(json.dumps(cfn_yaml.load(str(TEMPLATE)), default=str))

    class Loader(yaml.SafeLoader):
        pass

    def intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        if suffix == "Ref":
            return {"Ref": value}
        if suffix == "Condition":
            return {"Condition": value}
        if suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
        return {f"Fn::{suffix}": value}

    Loader.add_multi_constructor("!", intrinsic)
    with TEMPLATE.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader)  # noqa: S506 - SafeLoader subclass


def _references(node: Any) -> Iterator[str]:
    """Logical ids that a piece of the template refers to (Ref, GetAtt, ${...} in Sub)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref" and isinstance(value, str):
                yield value.split(".")[0]
            elif key == "Fn::GetAtt":
                yield (value[0] if isinstance(value, list) else str(value)).split(".")[0]
            elif key == "Fn::Sub":
                text, variables = (value, {}) if isinstance(value, str) else (value[0], value[1])
                local = set(variables)
                for part in text.split("${")[1:]:
                    name = part.split("}", 1)[0]
                    if not name.startswith("!") and name not in local:
                        yield name.split(".")[0]
                yield from _references(variables)
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return _load_template()


@pytest.fixture(scope="module")
def resources(template: dict[str, Any]) -> dict[str, Any]:
    return template["Resources"]


@pytest.fixture(scope="module")
def function(resources: dict[str, Any]) -> dict[str, Any]:
    fn = resources[FUNCTION]
    assert fn["Type"] == "AWS::Serverless::Function"
    return fn["Properties"]


def _s3_events(function: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: ev["Properties"] for name, ev in function.get("Events", {}).items() if ev["Type"] == "S3"}


def _suffixes(event: dict[str, Any]) -> list[str]:
    rules = event.get("Filter", {}).get("S3Key", {}).get("Rules", [])
    return [r["Value"] for r in rules if r["Name"].lower() == "suffix"]


# ---------------------------------------------------------------------------- (a)-(c) linters and scanner


def test_sam_validate_lint() -> None:
    sam = _tool("SAM", "sam")
    proc = _run([sam, "validate", "--lint", "--template-file", str(TEMPLATE)])
    assert proc.returncode == 0, _output(proc)
    assert "is a valid SAM Template" in proc.stdout + proc.stderr, _output(proc)


def test_cfn_lint_clean() -> None:
    cfn_lint = _tool("CFN_LINT", "cfn-lint")
    proc = _run([cfn_lint, "--format", "parseable", str(TEMPLATE)])
    # Exit code bits: 2 errors, 4 warnings, 8 informational. All must be absent.
    assert proc.returncode == 0, _output(proc)


def test_checkov_no_failed_checks() -> None:
    checkov = _tool("CHECKOV", "checkov")
    proc = _run(
        [checkov, "-f", str(TEMPLATE), "--framework", "cloudformation", "--skip-download", "--quiet", "-o", "json"],
        env=_tool_env(BC_SKIP_MAPPING="TRUE"),
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail("checkov did not print a JSON report\n" + _output(proc))
    reports = report if isinstance(report, list) else [report]
    summary = {"passed": 0, "failed": 0, "skipped": 0}
    failures = []
    for rep in reports:
        if "summary" not in rep:  # "no resources" style answers
            continue
        for key in summary:
            summary[key] += rep["summary"].get(key, 0)
        failures += [f"{c['check_id']} {c['resource']}" for c in rep.get("results", {}).get("failed_checks", [])]
    assert summary["passed"] > 0, f"checkov checked nothing: {summary}\n{_output(proc)}"
    assert summary["failed"] == 0, f"checkov failed checks: {failures}"
    assert proc.returncode == 0, _output(proc)


def test_checkov_skips_are_justified(resources: dict[str, Any]) -> None:
    for name, res in resources.items():
        for skip in (res.get("Metadata") or {}).get("checkov", {}).get("skip", []):
            assert skip.get("id", "").startswith("CKV_"), (name, skip)
            assert len(str(skip.get("comment", "")).strip()) > 20, f"{name}: skip of {skip.get('id')} needs a reason"


# ---------------------------------------------------------------------------- (d) template structure


def test_function_runtime_and_sizing(resources: dict[str, Any], function: dict[str, Any]) -> None:
    assert function["Runtime"] == "python3.13"
    assert function["Handler"] == "app.lambda_handler"
    assert function["Architectures"] == ["x86_64"]
    assert function["CodeUri"] == "functions/enrich"
    assert resources[FUNCTION]["Metadata"]["BuildMethod"] == "makefile"
    assert "Timeout" in function and "MemorySize" in function
    assert "ReservedConcurrentExecutions" in function
    assert {"Ref": LAYER} in function["Layers"]

    layer = resources[LAYER]
    assert layer["Type"] == "AWS::Serverless::LayerVersion"
    assert layer["Properties"]["ContentUri"] == "layers/deps"
    assert "python3.13" in layer["Properties"]["CompatibleRuntimes"]
    assert layer["Metadata"]["BuildMethod"] == "makefile"
    assert layer["Metadata"]["BuildArchitecture"] == "x86_64"
    # The Makefiles' targets must match the logical ids.
    assert f"build-{LAYER}:" in (ROOT / "layers" / "deps" / "Makefile").read_text()
    assert f"build-{FUNCTION}:" in (ROOT / "functions" / "enrich" / "Makefile").read_text()


def test_function_environment(function: dict[str, Any]) -> None:
    env = function["Environment"]["Variables"]
    assert HANDLER_ENV <= set(env), f"missing: {HANDLER_ENV - set(env)}"
    assert env["NLTK_DATA"] == "/opt/nltk_data"
    assert env["OUTPUT_BUCKET"] == {"Ref": OUTPUT_BUCKET}
    # Declared only so that `sam local --env-vars` can set it (make sam-local); deployed, it must stay
    # empty so boto3 uses the real endpoint.
    assert env["AWS_ENDPOINT_URL"] == ""


def _notifications(resources: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The input bucket's notification configurations, per ingestion mode (the two branches of its !If)."""
    config = resources[INPUT_BUCKET]["Properties"]["NotificationConfiguration"]
    condition, queue_branch, direct_branch = config["Fn::If"]
    assert condition == "QueueIngestion"
    return {"queue": queue_branch["QueueConfigurations"], "direct": direct_branch["LambdaConfigurations"]}


def test_s3_trigger_on_input_bucket_with_suffix_filters(resources: dict[str, Any], function: dict[str, Any]) -> None:
    assert not _s3_events(function), "S3 notifications belong to the input bucket (chosen by IngestionMode)"
    for mode, configs in _notifications(resources).items():
        assert configs, f"no notification in {mode} mode"
        all_suffixes: list[str] = []
        for cfg in configs:
            assert cfg["Event"].startswith("s3:ObjectCreated:"), (mode, cfg)
            target = cfg.get("Function") if mode == "direct" else cfg.get("Queue")
            assert set(_references(target)) == ({FUNCTION} if mode == "direct" else {"IngestQueue"}), (mode, target)
            suffixes = _suffixes(cfg)
            assert len(suffixes) == 1, f"{mode}: one suffix rule per notification, got {suffixes}"
            all_suffixes += suffixes
        assert REQUIRED_SUFFIXES <= set(all_suffixes), f"missing: {REQUIRED_SUFFIXES - set(all_suffixes)}"
        # S3 refuses a notification configuration whose filters overlap for one event type:
        # with no prefixes, two suffix filters overlap when one is a suffix of the other.
        for i, a in enumerate(all_suffixes):
            for b in all_suffixes[i + 1 :]:
                assert not (a.endswith(b) or b.endswith(a)), f"overlapping suffix filters {a!r} and {b!r}"
    assert resources[INPUT_BUCKET]["Type"] == "AWS::S3::Bucket"
    # S3 checks the destinations when the configuration is set: permission and queue policy first.
    assert {"InputBucketInvokePermission", "IngestQueuePolicy"} <= set(resources[INPUT_BUCKET]["DependsOn"])
    permission = resources["InputBucketInvokePermission"]["Properties"]
    assert permission["Principal"] == "s3.amazonaws.com" and permission["SourceArn"] == {
        "Fn::Sub": "arn:${AWS::Partition}:s3:::" + resources[INPUT_BUCKET]["Properties"]["BucketName"]["Fn::Sub"]
    }


def test_queue_ingestion(template: dict[str, Any], resources: dict[str, Any], function: dict[str, Any]) -> None:
    params = template["Parameters"]
    assert params["IngestionMode"]["AllowedValues"] == ["direct", "queue"]
    queue = resources["IngestQueue"]["Properties"]
    assert set(_references(queue["RedrivePolicy"]["deadLetterTargetArn"])) == {"DeadLetterQueue"}
    assert queue["RedrivePolicy"]["maxReceiveCount"] >= 1
    assert queue["SqsManagedSseEnabled"] is True
    assert queue["VisibilityTimeout"] >= 6 * params["FunctionTimeout"]["Default"]
    assert queue["VisibilityTimeout"] >= 6 * params["FunctionTimeout"]["MaxValue"], "six times the longest allowed timeout"
    mapping = resources["IngestQueueMapping"]
    assert mapping["Type"] == "AWS::Lambda::EventSourceMapping" and mapping["Condition"] == "QueueIngestion"
    props = mapping["Properties"]
    assert props["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert props["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "QueueMaxConcurrency"}
    assert props["MaximumBatchingWindowInSeconds"] == {"Ref": "QueueBatchWindowSeconds"}
    assert params["QueueMaxConcurrency"]["Default"] < params["ReservedConcurrency"]["Default"]
    pollers = [p for p in function["Policies"] if isinstance(p, dict) and "SQSPollerPolicy" in p]
    assert pollers and set(_references(pollers[0])) == {"IngestQueue"}


def test_events_and_schema_registry(template: dict[str, Any], resources: dict[str, Any], function: dict[str, Any]) -> None:
    assert template["Parameters"]["EventBusName"]["Default"] == "default"
    assert function["Environment"]["Variables"]["EVENT_BUS_NAME"] == {"Ref": "EventBusName"}
    statements = [st for p in function["Policies"] if isinstance(p, dict) for st in p.get("Statement", [])]
    (put,) = [st for st in statements if st["Action"] == "events:PutEvents"]
    assert "event-bus/${EventBusName}" in put["Resource"]["Fn::Sub"]
    schema = resources["ArticleEnrichedSchema"]["Properties"]
    assert schema["Type"] == "JSONSchemaDraft4"
    published = json.loads((ROOT / "src" / "enricher" / "record" / "schema" / "article-enriched-v1.schema.json").read_text())
    assert json.loads(schema["Content"]) == published, "the registered schema differs from the published file"
    assert set(_references(schema["RegistryName"])) == {"EventSchemaRegistry"}


def _backfill_definition(resources: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    machine = resources["BackfillStateMachine"]
    assert machine["Type"] == "AWS::Serverless::StateMachine"
    return machine["Properties"], machine["Properties"]["Definition"]


def test_backfill_state_machine(resources: dict[str, Any]) -> None:
    props, definition = _backfill_definition(resources)
    assert props["Type"] == "STANDARD"
    (map_state,) = [s for s in definition["States"].values() if s["Type"] == "Map"]
    assert map_state["ItemProcessor"]["ProcessorConfig"] == {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}
    assert map_state["ItemReader"]["Resource"] == "arn:aws:states:::s3:listObjectsV2"
    assert map_state["ItemReader"]["Parameters"]["Prefix.$"] == "$.prefix"
    assert map_state["ItemReader"]["Parameters"]["Bucket"] == "${InputBucketName}"
    assert "MaxItemsPerBatchPath" in map_state["ItemBatcher"] and "force.$" in map_state["ItemBatcher"]["BatchInput"]
    assert "MaxConcurrencyPath" in map_state and "ToleratedFailurePercentagePath" in map_state
    assert map_state["ResultWriter"]["Parameters"]["Bucket"] == "${OutputBucketName}"
    subs = props["DefinitionSubstitutions"]
    assert subs["OutputBucketName"] == {"Ref": OUTPUT_BUCKET}
    assert subs["InputBucketName"] == resources[INPUT_BUCKET]["Properties"]["BucketName"]
    assert subs["FunctionArn"] == {"Ref": f"{FUNCTION}.Alias"}
    for name in ("ItemsPerBatch", "MaxConcurrency", "ToleratedFailurePercentage"):
        assert subs[name] == {"Ref": f"Backfill{name}"}
    # Results go under <prefix>_backfill/, which the handler refuses as input (keys.BACKFILL_RESULTS).
    assert subs["ResultPrefix"] == {"Fn::Sub": "${OutputPrefix}_backfill"}
    assert props["Tracing"]["Enabled"] is True and props["Logging"]["Level"] in ("ERROR", "ALL")


def test_backfill_definition_passes_cfn_lint(resources: dict[str, Any], tmp_path: Path) -> None:
    """cfn-lint checks Amazon States Language (E3601) on a native state machine's Definition object,
    not on SAM's: lint the same definition, substitutions filled in, as a plain resource."""
    cfn_lint = _tool("CFN_LINT", "cfn-lint")
    props, definition = _backfill_definition(resources)
    text = json.dumps(definition)
    sample = {"InputBucketName": "in-bucket", "OutputBucketName": "out-bucket", "ResultPrefix": "_backfill",
              "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:enrich:live",
              "ItemsPerBatch": "20", "MaxConcurrency": "8", "ToleratedFailurePercentage": "5"}
    assert set(sample) == set(props["DefinitionSubstitutions"])
    for key, value in sample.items():
        text = text.replace("${%s}" % key, value)
    assert "${" not in text, "a placeholder without a substitution"

    def lint(definition_text: str, name: str) -> subprocess.CompletedProcess[str]:
        path = tmp_path / name
        path.write_text(json.dumps({
            "AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {"Backfill": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                "RoleArn": "arn:aws:iam::123456789012:role/backfill", "StateMachineType": "STANDARD",
                "Definition": json.loads(definition_text)}}},
        }))
        return _run([cfn_lint, "--format", "parseable", str(path)])

    proc = lint(text, "backfill.json")
    assert proc.returncode == 0, _output(proc)
    broken = lint(text.replace('"Type": "Map"', '"Type": "Mapp"'), "broken.json")  # the check can fail
    assert "E3601" in broken.stdout, _output(broken)


def test_failed_events_go_to_sqs(resources: dict[str, Any], function: dict[str, Any]) -> None:
    config = function["EventInvokeConfig"]
    assert "MaximumRetryAttempts" in config
    on_failure = config["DestinationConfig"]["OnFailure"]
    assert on_failure["Type"] == "SQS"
    (queue,) = set(_references(on_failure["Destination"]))
    assert resources[queue]["Type"] == "AWS::SQS::Queue"
    assert resources[queue]["Properties"].get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in resources[queue]["Properties"]


def test_input_bucket_named_with_sub_and_read_policy_does_not_reference_it(
    resources: dict[str, Any], function: dict[str, Any]
) -> None:
    name = resources[INPUT_BUCKET]["Properties"]["BucketName"]
    assert isinstance(name, dict) and "Fn::Sub" in name, "the input bucket must be named with !Sub"
    read_policies = [p["S3ReadPolicy"] for p in function["Policies"] if isinstance(p, dict) and "S3ReadPolicy" in p]
    assert read_policies, "no S3ReadPolicy"
    for policy in read_policies:
        assert policy["BucketName"] == name, "S3ReadPolicy must build the same name with the same !Sub"
    refs = set(_references(function["Policies"]))
    assert INPUT_BUCKET not in refs, "a policy references InputBucket: circular dependency"


def test_no_circular_dependency(resources: dict[str, Any], function: dict[str, Any]) -> None:
    """The dependency graph after SAM's transform, approximated on the source template.

    SAM makes each bucket with an S3 event depend on the function's invoke permission,
    i.e. on the function and its role, whose policies come from the function's Properties.
    """
    graph: dict[str, set[str]] = {}
    for name, res in resources.items():
        depends = res.get("DependsOn", [])
        depends = [depends] if isinstance(depends, str) else depends
        props = dict(res.get("Properties", {}))
        if res["Type"] == "AWS::Serverless::Function":
            props.pop("Events", None)  # they become the bucket's notification, handled below
        graph[name] = {r for r in _references(props) if r in resources} | set(depends)
        graph[name].discard(name)  # ${Bucket.Arn} inside the bucket's own policy is not a dependency of itself
    for fname, res in resources.items():
        if res["Type"] != "AWS::Serverless::Function":
            continue
        for ev in _s3_events(res["Properties"]).values():
            for bucket in _references(ev["Bucket"]):
                graph[bucket].add(fname)

    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt] if nxt in path else path + [nxt]
                pytest.fail("circular dependency: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [node])


def test_outputs_cannot_trigger_the_function(resources: dict[str, Any], function: dict[str, Any]) -> None:
    # Records are written as <prefix><input key>.json, and ".json" is a trigger suffix: only
    # keeping them in another bucket stops a record from triggering the function again.
    assert resources[OUTPUT_BUCKET]["Type"] == "AWS::S3::Bucket"
    assert OUTPUT_BUCKET != INPUT_BUCKET
    out_name = resources[OUTPUT_BUCKET]["Properties"].get("BucketName")
    assert out_name != resources[INPUT_BUCKET]["Properties"]["BucketName"]
    assert "NotificationConfiguration" not in resources[OUTPUT_BUCKET]["Properties"]
    target = set(_references(function["Environment"]["Variables"]["OUTPUT_BUCKET"]))
    for fname, res in resources.items():
        if res["Type"] == "AWS::Serverless::Function":
            for name, ev in _s3_events(res["Properties"]).items():
                assert not set(_references(ev["Bucket"])) & target, f"{fname}.{name} triggers on the output bucket"
    # The function may only put objects into the output bucket, and read them back (HeadObject,
    # to keep the newest version's record in place): no list, no delete.
    writes = [p for p in function["Policies"] if isinstance(p, dict) and OUTPUT_BUCKET in set(_references(p))]
    actions = {a for p in writes for st in p.get("Statement", []) for a in ([st["Action"]] if isinstance(st["Action"], str) else st["Action"])}
    assert actions == {"s3:PutObject", "s3:GetObject"}, actions


def test_buckets_are_private_encrypted_and_tls_only(resources: dict[str, Any]) -> None:
    buckets = [n for n, r in resources.items() if r["Type"] == "AWS::S3::Bucket"]
    assert len(buckets) >= 3, buckets  # input, output, access logs
    policies = {
        next(iter(_references(r["Properties"]["Bucket"]))): r["Properties"]["PolicyDocument"]
        for r in resources.values()
        if r["Type"] == "AWS::S3::BucketPolicy"
    }
    for name in buckets:
        props = resources[name]["Properties"]
        block = props["PublicAccessBlockConfiguration"]
        assert all(block.get(k) is True for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")), name
        assert props["BucketEncryption"]["ServerSideEncryptionConfiguration"], name
        assert name in policies, f"{name} has no bucket policy"
        denies = [
            st
            for st in policies[name]["Statement"]
            if st["Effect"] == "Deny" and st.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") in ("false", False)
        ]
        assert denies, f"{name} does not deny plain-HTTP access"
        if name != "AccessLogBucket":
            assert props["LoggingConfiguration"]["DestinationBucketName"] == {"Ref": "AccessLogBucket"}, name
    assert resources[INPUT_BUCKET]["Properties"]["VersioningConfiguration"]["Status"] == "Enabled"


def test_alarms_and_log_retention(resources: dict[str, Any], function: dict[str, Any]) -> None:
    alarms = {
        (r["Properties"]["Namespace"], r["Properties"]["MetricName"])
        for r in resources.values()
        if r["Type"] == "AWS::CloudWatch::Alarm"
    }
    assert ("AWS/Lambda", "Errors") in alarms
    assert ("AWS/SQS", "ApproximateNumberOfMessagesVisible") in alarms
    (group,) = set(_references(function["LoggingConfig"]["LogGroup"]))
    assert resources[group]["Type"] == "AWS::Logs::LogGroup"
    assert "RetentionInDays" in resources[group]["Properties"]


def test_outputs(template: dict[str, Any]) -> None:
    assert {"InputBucketName", "OutputBucketName", "FunctionName", "FunctionArn", "DeadLetterQueueUrl"} <= set(
        template["Outputs"]
    )


# ---------------------------------------------------------------------------- (e) sam build


def _tree_bytes(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            p = os.path.join(dirpath, f)
            if not os.path.islink(p):
                total += os.path.getsize(p)
    return total


def _nltk_data_source() -> str:
    # `make test` sets NLTK_DATA (a local copy, or the one it downloaded into .nltk_data/).
    configured = os.environ.get("NLTK_DATA")
    if configured:
        return configured
    _missing("NLTK_DATA is not set (run the tests through `make test`, which sets it)")
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def sam_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sam = _tool("SAM", "sam")
    python313 = _python313()
    build_dir = tmp_path_factory.mktemp("sam-build") / "build"
    cache_dir = tmp_path_factory.mktemp("sam-cache")
    env = _tool_env(
        PATH=os.path.dirname(python313) + os.pathsep + os.environ.get("PATH", ""),
        NLTK_DATA=_nltk_data_source(),
        PYTHON=python313,
    )
    proc = _run(
        [sam, "build", "--template-file", str(TEMPLATE), "--build-dir", str(build_dir), "--cache-dir", str(cache_dir), "--no-cached"],
        env=env,
        timeout=1800,
    )
    assert proc.returncode == 0, "sam build failed\n" + _output(proc)
    return build_dir


@pytest.fixture(scope="module")
def runtime_boto3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """boto3, which the Lambda runtime provides and the artefacts therefore leave out."""
    python313 = _python313()
    target = tmp_path_factory.mktemp("lambda-runtime")
    proc = _run(
        [python313, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "--target", str(target), "boto3"],
        timeout=900,
    )
    if proc.returncode != 0:
        _missing("could not install boto3 to stand in for the Lambda runtime's\n" + _output(proc))
    return target


@pytest.mark.slow
def test_built_artefacts_fit(sam_build: Path, record_property: Any) -> None:
    fn_dir, layer_dir = sam_build / FUNCTION, sam_build / LAYER
    assert (fn_dir / "app.py").is_file() and (fn_dir / "enricher" / "__init__.py").is_file()
    assert (fn_dir / "enricher_aws" / "writer.py").is_file(), "the edge package is not in the function"
    assert not list(fn_dir.rglob("tests")), "tests shipped in the function"
    assert (layer_dir / "python" / "nltk").is_dir() and (layer_dir / "python" / "sumy").is_dir()
    for resource in ("tokenizers/punkt_tab/english", "corpora/stopwords", "taggers/averaged_perceptron_tagger_eng"):
        assert (layer_dir / "nltk_data" / resource).is_dir(), resource
    assert not list((layer_dir / "nltk_data").rglob("*.zip"))
    # Bytecode is there, for 3.13, so cold starts do not compile.
    assert list(fn_dir.glob("enricher/__pycache__/*.cpython-313.pyc"))
    assert list((layer_dir / "python" / "numpy").glob("__pycache__/*.cpython-313.pyc"))

    mib = 1024 * 1024
    fn_size, layer_size = _tree_bytes(fn_dir), _tree_bytes(layer_dir)
    total = fn_size + layer_size
    summary = (
        f"unzipped sizes: function {fn_size / mib:.2f} MiB, layer {layer_size / mib:.2f} MiB "
        f"(python {_tree_bytes(layer_dir / 'python') / mib:.2f}, nltk_data {_tree_bytes(layer_dir / 'nltk_data') / mib:.2f}), "
        f"total {total / mib:.2f} MiB; target {TARGET_MIB} MiB: "
        + (f"{(TARGET_MIB * mib - total) / mib:.2f} MiB under" if total <= TARGET_MIB * mib else f"{(total - TARGET_MIB * mib) / mib:.2f} MiB over")
    )
    print(summary)
    record_property("artefact_sizes", summary)
    if total > TARGET_MIB * mib:
        warnings.warn(summary, stacklevel=1)
    assert total < HARD_LIMIT_MIB * mib, summary


ARTICLE = """City council approves new budget for schools and roads

The city council approved a new budget on Monday after a long debate.
The plan sets aside more money for schools, roads and public transport.
Officials said property taxes would not rise next year.
Residents welcomed the decision at a public meeting in the town hall.
Mayor Anna Berg thanked the volunteers who had collected signatures for the plan.
Work on the first roads is expected to start in the spring.
"""

IMPORT_CHECK = textwrap.dedent(
    """
    import json, os, sys
    fn_dir, layer_python, nltk_dir, article = sys.argv[1:5]

    import app
    assert callable(app.lambda_handler)

    import enricher, nltk.data
    for mod in ("enricher", "nltk", "numpy", "sumy", "aws_lambda_powertools", "charset_normalizer", "fastjsonschema"):
        __import__(mod)
        where = os.path.realpath(sys.modules[mod].__file__)
        expected = fn_dir if mod == "enricher" else layer_python
        assert where.startswith(os.path.realpath(expected) + os.sep), (mod, where)
    for res in ("tokenizers/punkt_tab/english/", "corpora/stopwords", "taggers/averaged_perceptron_tagger_eng/"):
        found = os.path.realpath(str(nltk.data.find(res)))
        assert found.startswith(os.path.realpath(nltk_dir) + os.sep), (res, found)

    record = enricher.enrich(open(article, "rb").read(), name="e2e-article.txt")
    data = record.to_dict()
    assert record.status == "ok", data
    assert data["summary"] and data["tags"], data
    # Every selectable algorithm runs from the trimmed layer too.
    from enricher.summarize import REGISTRY as SUMMARIZERS
    from enricher.tags import REGISTRY as TAGGERS
    for name in SUMMARIZERS:
        other = enricher.Enricher(enricher.Options(summarizer=name)).enrich(open(article, "rb").read(), name="a.txt")
        assert other.status == "ok" and other.summary.sentences, (name, other.reason)
    for name in TAGGERS:
        other = enricher.Enricher(enricher.Options(tagger=name)).enrich(open(article, "rb").read(), name="a.txt")
        assert other.status == "ok" and other.tags, (name, other.reason)
    print(json.dumps({"status": record.status, "python": sys.version.split()[0], "tags": len(data["tags"])}))
    """
)


@pytest.mark.slow
def test_built_function_imports_and_enriches(sam_build: Path, runtime_boto3: Path, tmp_path: Path) -> None:
    python313 = _python313()
    fn_dir, layer_dir = sam_build / FUNCTION, sam_build / LAYER
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    home = tmp_path / "home"  # no ~/nltk_data, no user site-packages
    home.mkdir()
    # Lambda's order: /var/task, the layers' python dirs, then the runtime (boto3).
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "PYTHONPATH": os.pathsep.join([str(fn_dir), str(layer_dir / "python"), str(runtime_boto3)]),
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "NLTK_DATA": str(layer_dir / "nltk_data"),
        "OUTPUT_BUCKET": "e2e-output-bucket",
        "OUTPUT_PREFIX": "",
        "SUMMARY_SENTENCES": "3",
        "MAX_TAGS": "10",
        "POWERTOOLS_SERVICE_NAME": "article-enricher",
        "POWERTOOLS_METRICS_NAMESPACE": "ArticleEnricherE2E",
        "LOG_LEVEL": "INFO",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    proc = subprocess.run(
        [python313, "-s", "-c", IMPORT_CHECK, str(fn_dir), str(layer_dir / "python"), env["NLTK_DATA"], str(article)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, _output(proc)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["status"] == "ok" and result["python"].startswith("3.13"), result
