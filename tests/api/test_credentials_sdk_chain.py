"""The credentials file reads as the SDK reads it; identities jobtui cannot use are said."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jobtui.api.credentials import find_credentials
from jobtui.domain.errors import ConfigError


def _write(home: Path, text: str) -> Path:
    path = home / ".huaweicloud" / "credentials"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def test_double_percent_is_one_percent_as_in_the_sdk(tmp_path: Path) -> None:
    _write(tmp_path, "[basic]\nak = AKFILE\nsk = ab%%cd\n")
    assert find_credentials({}, tmp_path).sk == "ab%cd"


def test_a_key_may_refer_to_another_with_interpolation(tmp_path: Path) -> None:
    _write(tmp_path, "[DEFAULT]\nbase = AKBASE\n[basic]\nak = %(base)s\nsk = s\n")
    assert find_credentials({}, tmp_path).ak == "AKBASE"


@pytest.mark.parametrize("value", ["ab%cd-SECRET", "ab%(nokey)s-SECRET"])
def test_a_lone_percent_is_refused_as_the_sdk_refuses_it(tmp_path: Path, value: str) -> None:
    path = _write(tmp_path, f"[basic]\nak = AKFILE\nsk = {value}\n")
    with pytest.raises(ConfigError) as caught:
        find_credentials({}, tmp_path)
    text = str(caught.value)
    assert str(path) in text and "sk" in text and "'%%'" in text
    assert "SECRET" not in text and caught.value.key == "sk"


def test_federated_settings_in_the_file_are_reported(tmp_path: Path) -> None:
    _write(tmp_path, "[basic]\nak = A\nsk = S\nidp_id = idp\nid_token_file = /t\n")
    with pytest.raises(ConfigError, match=r"idp_id and id_token_file .* not support"):
        find_credentials({}, tmp_path)


def test_half_a_federation_in_the_file_falls_to_its_aksk_as_the_sdk_does(tmp_path: Path) -> None:
    _write(tmp_path, "[basic]\nak = AKFILE\nsk = S\nidp_id = idp\n")
    assert find_credentials({}, tmp_path).ak == "AKFILE"


@pytest.mark.parametrize(
    "env",
    [
        {"HUAWEICLOUD_SDK_IDP_ID": "i", "HUAWEICLOUD_SDK_ID_TOKEN_FILE": "/t"},
        {"HUAWEICLOUD_OIDC_PROVIDER_URN": "u", "HUAWEICLOUD_OIDC_AGENCY_URN": "a",
         "HUAWEICLOUD_OIDC_ID_TOKEN": "tok"},
    ],
)  # fmt: skip
def test_federation_the_sdk_would_pick_first_is_an_error_not_another_key(
    tmp_path: Path, env: dict[str, str]
) -> None:
    # The SDK takes these before any AK/SK: signing with the AK instead would be
    # a different identity than the user's SDK scripts use.
    full = {**env, "HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "S"}
    with pytest.raises(ConfigError, match=r"does not support.*ak, sk and security_token"):
        find_credentials(full, tmp_path)


@pytest.mark.parametrize(
    "env",
    [
        {"HC_CONTAINER_CREDENTIALS_FULL_URI": "http://x",
         "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/t"},
        {"HUAWEICLOUD_SDK_IDP_ID": "i"},
    ],
)  # fmt: skip
def test_nothing_but_an_unusable_identity_is_an_error_not_unsigned_requests(
    tmp_path: Path, env: dict[str, str]
) -> None:
    with pytest.raises(ConfigError, match="does not support"):
        find_credentials(env, tmp_path)


def test_pod_identity_after_a_usable_key_is_not_in_the_way(tmp_path: Path) -> None:
    env = {"HC_CONTAINER_CREDENTIALS_FULL_URI": "http://x",
           "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/t",
           "HUAWEICLOUD_SDK_AK": "AKENV", "HUAWEICLOUD_SDK_SK": "S"}  # fmt: skip
    assert find_credentials(env, tmp_path).ak == "AKENV"


def test_the_label_shows_the_source_and_four_characters_of_the_ak(tmp_path: Path) -> None:
    env = {"HUAWEICLOUD_SDK_AK": "ABCDEFGHIJKL", "HUAWEICLOUD_SDK_SK": "secret"}
    assert str(find_credentials(env, tmp_path)) == "AK ABCD… from environment"
