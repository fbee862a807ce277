"""`credentials = "ecs"` at the top of config.toml, and the hint on what looks like an ECS."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from jobtui.domain.errors import ConfigError
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.store.config import Settings, load_settings
from tests.api.fake_cloud import FakeCloud, fake_cloud, key
from tests.polling.helpers import EPOCH

P1, P2, JOB = "a" * 32, "b" * 32, "c" * 32


def _config(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def _dmi(tmp_path: Path, vendor: str) -> Path:
    dmi = tmp_path / "dmi"
    dmi.mkdir()
    (dmi / "sys_vendor").write_text(vendor + "\n", encoding="utf-8")
    (dmi / "product_name").write_text("Standard PC\n", encoding="utf-8")
    return dmi


def test_the_top_level_takes_ecs_and_projects_inherit_it(tmp_path: Path) -> None:
    settings = _config(tmp_path, f'credentials = "ecs"\n[projects.{P2}]\nlabel = "x"\n')
    assert settings.project(P1).credentials == "ecs" == settings.project(P2).credentials
    with pytest.raises(ConfigError, match=r'"sdk", "ecs", "token", "none" or "file:/path"'):
        _config(tmp_path, 'credentials = "metadata"\n')


def test_jobs_are_signed_with_the_agency_key_fetched_once(tmp_path: Path) -> None:
    cloud = FakeCloud(keys=[key("AKAGENCY")], good_aks={"AKAGENCY"})
    with fake_cloud(cloud):
        settings = Settings(endpoint=cloud.url, credentials="ecs")
        conns = Connections(settings, env={"JOBTUI_METADATA_URL": cloud.url}, home=tmp_path)
        routes = [conns.route(WatchEntry(p, JOB, EPOCH)) for p in (P1, P2)]
        assert routes[0].credential == f"ECS agency from {cloud.url}" and routes[0].key_id is None

        async def poll() -> list[str]:
            async with conns:
                return [(await conns.client(r).get_job(r_p, JOB)).status.value
                        for r, r_p in zip(routes, (P1, P2))]  # fmt: skip

        assert asyncio.run(poll()) == ["RUNNING", "RUNNING"]
    assert len(cloud.paths("/openstack/latest/securitykey")) == 1


def test_no_credentials_on_an_ecs_names_the_option(tmp_path: Path) -> None:
    settings = Settings(region="cn-north-4")
    entry = WatchEntry(P1, JOB, EPOCH)
    on_ecs = Connections(settings, env={}, home=tmp_path, dmi_dir=_dmi(tmp_path, "HUAWEI CLOUD"))
    with pytest.raises(ConfigError, match=r'looks like a Huawei Cloud ECS.*credentials = "ecs"'):
        on_ecs.route(entry)
    laptop = Connections(settings, env={"JOBTUI_DMI_DIR": str(tmp_path / "none")}, home=tmp_path)
    assert laptop.route(entry).credential == "no credentials"


def test_the_status_label_names_the_credential_never_the_secret(tmp_path: Path) -> None:
    env = {"HUAWEICLOUD_SDK_AK": "ABCDEFGHIJ", "HUAWEICLOUD_SDK_SK": "the-secret-sk"}
    conns = Connections(Settings(region="cn-north-4"), env=env, home=tmp_path)
    conns.client(conns.route(WatchEntry(P1, JOB, EPOCH)))
    label = conns.label()
    assert label == "dws.cn-north-4.myhuaweicloud.com · AK ABCD… from environment"
    assert "EFGH" not in label and "secret" not in label
    asyncio.run(conns.aclose())
