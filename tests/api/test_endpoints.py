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
     "https://user:pw@dws.example.com", "https://dws.example.com/?x=1", "not a url",
     "http://[::1", "http://[zz]", "http://exa mple.com", "http://h:0", "http://h:-1",
     "http://a..b", "http://dws.example.com\x1b[2J", "https://dws.example.com/a b",
     "http://-bad-.example", "https://dws\u202e.example.com"],
)  # fmt: skip
def test_garbage_endpoint_gets_a_clear_error(garbage: str) -> None:
    with pytest.raises(UsageError, match="Endpoint"):
        normalise_endpoint(garbage)


def test_endpoint_with_a_path_prefix_is_kept() -> None:
    assert normalise_endpoint("https://gw.corp/dws/") == "https://gw.corp/dws"


@pytest.mark.parametrize(
    "good",
    ["http://[::1]:8086", "https://dws.cn-north-4.myhuaweicloud.com:443/", "http://localhost:8086",
     "https://10.1.2.3", "https://internal_gw.corp/dws", "https://bücher.example"],
)  # fmt: skip
def test_valid_endpoints_pass(good: str) -> None:
    assert normalise_endpoint(good) == good.rstrip("/")


def test_an_endpoint_error_names_the_value_and_how_to_write_one() -> None:
    with pytest.raises(UsageError) as caught:
        normalise_endpoint("http://[::1")
    message = str(caught.value)
    assert "'http://[::1'" in message and "closing ']'" in message
    assert "https://dws.example.com" in message and message.endswith(".")
