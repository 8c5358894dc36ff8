"""deploy/ checked offline: the Kubernetes manifests against Kubernetes' own schemas
(kubernetes-validate), compose.yaml against the compose-spec schema (check-jsonschema's
copy), HAProxy's configuration by haproxy itself, and what each must say for a class:
sticky cookie, websockets, gzip, health checks, PostgreSQL with a volume."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from check_jsonschema.builtin_schemas import get_builtin_schema
from jsonschema.validators import validator_for

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
K8S = DEPLOY / "k8s"
PROXY_ENV = {"NNSINE_PROXY_BIND": ":8080", "NNSINE_APP_SERVICE": "app:8501"}


def manifests() -> list[dict]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return [doc for name in kustomization["resources"]
            for doc in yaml.safe_load_all((K8S / name).read_text())]


def by_kind(kind: str) -> dict:
    (resource,) = [m for m in manifests() if m["kind"] == kind]
    return resource


@pytest.mark.parametrize("resource", manifests(), ids=lambda m: m["kind"])
def test_k8s_manifests_match_the_kubernetes_schemas(resource):
    version = kubernetes_validate.latest_version()
    kubernetes_validate.validate(resource, version, strict=True)  # raises on any error


def test_k8s_schema_check_rejects_a_broken_manifest():
    broken = by_kind("Deployment")
    broken["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, kubernetes_validate.latest_version(), strict=True)


def test_k8s_pods_are_ready_on_streamlit_health_and_reached_by_service_and_ingress():
    deployment, service, ingress = (by_kind(k) for k in ("Deployment", "Service", "Ingress"))
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert container["ports"][0]["containerPort"] == 8501  # the Dockerfile's port
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600  # websockets
    secret = container["env"][0]["valueFrom"]["secretKeyRef"]
    assert secret["name"] == by_kind("Secret")["metadata"]["name"]


def interpolated(text: str) -> str:
    """Compose's ${VAR:-default} with every variable unset, ${VAR:?message} set to "x"."""
    text = re.sub(r"\$\{\w+:\?[^}]*\}", "x", text)
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", text)


def test_compose_has_no_default_secret():
    """A cookie secret or database password that every copy of the file shares is no
    secret: compose stops with a message when one is unset (issue 23)."""
    text = (DEPLOY / "compose.yaml").read_text()
    for name in ("NNSINE_COOKIE_SECRET", "NNSINE_DB_PASSWORD"):
        uses = re.findall(r"\$\{" + name + r"(:?[-?])?", text)
        assert uses and all(use == ":?" for use in uses), (name, uses)


def test_haproxy_logs_no_query_strings():
    """?teacher=TOKEN and ?seat=TOKEN are secrets: the log has the path only."""
    lines = [line.split("#")[0] for line in (DEPLOY / "haproxy.cfg").read_text().splitlines()]
    [log_format] = [line for line in lines if "log-format" in line]
    assert "%HP" in log_format and not re.search(r"%HU|%r(?![a-z])|%\[url", log_format)
    assert not [line for line in lines if "option httplog" in line]


def compose_errors(document: dict) -> list[str]:
    schema = get_builtin_schema("vendor.compose-spec")
    return [error.message for error in validator_for(schema)(schema).iter_errors(document)]


def test_compose_file_matches_the_compose_spec_before_and_after_interpolation():
    text = (DEPLOY / "compose.yaml").read_text()
    assert compose_errors(yaml.safe_load(text)) == []
    assert compose_errors(yaml.safe_load(interpolated(text))) == []
    assert compose_errors({"services": {"app": {"image": 3}}}) != []


def test_compose_runs_replicas_behind_the_proxy_with_postgres_for_the_board():
    compose = yaml.safe_load(interpolated((DEPLOY / "compose.yaml").read_text()))
    app, proxy, db = (compose["services"][name] for name in ("app", "proxy", "db"))
    assert int(app["deploy"]["replicas"]) >= 2
    assert "ports" not in app  # students come in through the proxy only
    assert (DEPLOY / app["build"]["context"] / app["build"]["dockerfile"]).is_file()
    assert proxy["environment"]["NNSINE_APP_SERVICE"] == "app:8501"
    config = proxy["volumes"][0].split(":")[0]
    assert (DEPLOY / config).resolve() == DEPLOY / "haproxy.cfg"
    assert app["environment"]["NNSINE_DATABASE_URL"].startswith(("postgresql://", "postgresql+psycopg://"))
    assert "@db:5432/" in app["environment"]["NNSINE_DATABASE_URL"]
    volume = db["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]
    assert app["depends_on"]["db"]["condition"] == "service_healthy"


def test_haproxy_config_is_sticky_compressing_and_health_checked():
    config = (DEPLOY / "haproxy.cfg").read_text()
    assert re.search(r"^\s*cookie \w+ insert indirect nocache", config, re.M)
    assert "option httpchk GET /_stcore/health" in config
    assert "compression algo gzip" in config and "javascript" in config
    assert "option redispatch" in config and "timeout tunnel" in config


@pytest.mark.subprocess
@pytest.mark.skipif(not shutil.which("haproxy"), reason="haproxy is not installed "
                    "(Debian package 'haproxy'; .ci/run installs it)")
def test_haproxy_accepts_the_config():
    result = subprocess.run(["haproxy", "-c", "-f", str(DEPLOY / "haproxy.cfg")],
                            env={**os.environ, **PROXY_ENV}, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
