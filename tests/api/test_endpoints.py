"""Region names map to the official endpoints; explicit endpoints are checked and normalised."""

from __future__ import annotations

import pytest

from jobtui.api.endpoints import endpoint_for_region, normalise_endpoint, resolve_endpoint
from jobtui.domain.errors import UsageError


@pytest.mark.parametrize(
    ("region", "url"),
    [
        ("cn-north-4", "https://dws.cn-north-4.myhuaweicloud.com"),
        ("ap-southeast-1", "https://dws.ap-southeast-1.myhuaweicloud.com"),
        ("la-south-2", "https://dws.la-south-2.myhuaweicloud.com"),
        ("eu-west-101", "https://dws.eu-west-101.myhuaweicloud.eu"),
        ("cn-south-4", "https://dws.cn-south-4.myhuaweicloud.cn"),
        ("cn-north-12", "https://dws.cn-north-12.myhuaweicloud.cn"),
        ("cn-east-4", "https://dws.cn-east-4.myhuaweicloud.cn"),
        ("tr-west-1", "https://dws.tr-west-1.myhuaweicloud.cn"),
        ("ap-southeast-4", "https://dws.ap-southeast-4.myhuaweicloud.cn"),
        (" CN-North-4 ", "https://dws.cn-north-4.myhuaweicloud.com"),
    ],
)
def test_region_table(region: str, url: str) -> None:
    assert endpoint_for_region(region) == url


@pytest.mark.parametrize("region", ["", "north", "cn-north-4.evil.com", "cn north 4", "../x"])
def test_garbage_region_is_refused(region: str) -> None:
    with pytest.raises(UsageError, match="region name"):
        endpoint_for_region(region)


def test_explicit_endpoint_wins_then_environment_then_region() -> None:
    env = {"JOBTUI_ENDPOINT": "http://127.0.0.1:8086/"}
    assert resolve_endpoint("https://dws.corp:8443/", env, "cn-north-4") == "https://dws.corp:8443"
    assert resolve_endpoint(None, env, "cn-north-4") == "http://127.0.0.1:8086"
    assert resolve_endpoint(" ", {}, "eu-west-101") == "https://dws.eu-west-101.myhuaweicloud.eu"


def test_no_endpoint_at_all_says_how_to_give_one() -> None:
    with pytest.raises(UsageError, match="--endpoint"):
        resolve_endpoint(None, {}, None)


@pytest.mark.parametrize(
    "garbage",
    ["dws.example.com", "ftp://dws.example.com", "https://", "http://a:99999",
     "https://user:pw@dws.example.com", "https://dws.example.com/?x=1", "not a url"],
)  # fmt: skip
def test_garbage_endpoint_gets_a_clear_error(garbage: str) -> None:
    with pytest.raises(UsageError, match="Endpoint"):
        normalise_endpoint(garbage)


def test_endpoint_with_a_path_prefix_is_kept() -> None:
    assert normalise_endpoint("https://gw.corp/dws/") == "https://gw.corp/dws"
