"""Credentials come from where the SDK looks, and their secrets never show."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jobtui.api.auth import AkSkAuth, TokenAuth
from jobtui.api.credentials import (
    Credentials,
    credentials_file_warning,
    find_credentials,
)
from jobtui.domain.errors import ConfigError

SK = "sk-very-secret-%-value"
SK_IN_FILE = SK.replace("%", "%%")  # the SDK reads the file with interpolation


def _write(home: Path, text: str, mode: int = 0o600) -> Path:
    path = home / ".huaweicloud" / "credentials"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


def test_environment_first(tmp_path: Path) -> None:
    _write(tmp_path, "[basic]\nak = FILEAK\nsk = filesk\n")
    env = {"HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": SK,
           "HUAWEICLOUD_SDK_SECURITY_TOKEN": "sts", "HUAWEICLOUD_SDK_PROJECT_ID": "p1"}  # fmt: skip
    creds = find_credentials(env, tmp_path)
    assert (creds.kind, creds.ak, creds.sk, creds.security_token) == ("aksk", "ENVAK", SK, "sts")
    assert creds.project_id == "p1" and creds.source == "environment"
    assert isinstance(creds.auth(), AkSkAuth)


def test_ak_without_sk_falls_through_to_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[basic]\nAK = FILEAK\nSk = " + SK_IN_FILE + "\nPROJECT_ID = p2\n")
    creds = find_credentials({"HUAWEICLOUD_SDK_AK": "ENVAK"}, tmp_path)
    assert (creds.ak, creds.sk, creds.project_id, creds.source) == ("FILEAK", SK, "p2", str(path))


def test_file_path_override_and_case_sensitive_section(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.ini"
    other.write_text("[Basic]\nak = NO\nsk = no\n[basic]\nak = YES\nsk = yes\n", encoding="utf-8")
    creds = find_credentials({"HUAWEICLOUD_SDK_CREDENTIALS_FILE": str(other)}, tmp_path)
    assert creds.ak == "YES"


def test_wrong_section_name_finds_nothing(tmp_path: Path) -> None:
    _write(tmp_path, "[BASIC]\nak = A\nsk = B\n")
    assert find_credentials({}, tmp_path).kind == "none"


def test_token_from_jobtui_auth_token(tmp_path: Path) -> None:
    creds = find_credentials({"JOBTUI_AUTH_TOKEN": "MIIsecret"}, tmp_path)
    assert creds.kind == "token" and isinstance(creds.auth(), TokenAuth)


def test_nothing_found_is_open_mode(tmp_path: Path) -> None:
    creds = find_credentials({}, tmp_path)
    assert creds.kind == "none" and creds.auth() is None


def test_a_broken_file_is_a_config_error_without_its_content(tmp_path: Path) -> None:
    path = _write(tmp_path, f"ak = A\nsk = {SK}\n")
    with pytest.raises(ConfigError) as caught:
        find_credentials({}, tmp_path)
    assert str(path) in str(caught.value) and SK not in str(caught.value)


def test_secrets_never_in_repr_or_str(tmp_path: Path) -> None:
    _write(tmp_path, f"[basic]\nak = A\nsk = {SK_IN_FILE}\nsecurity_token = STStoken\n")
    for creds in (find_credentials({}, tmp_path), Credentials("token", token="MIIsecret")):
        text = repr(creds) + str(creds) + repr(creds.auth()) + str(creds.auth())
        assert SK not in text and "STStoken" not in text and "MIIsecret" not in text


def test_readable_by_others_gets_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, "[basic]\n", mode=0o644)
    warning = credentials_file_warning(path)
    assert warning is not None and f"chmod 600 {path}" in warning
    os.chmod(path, 0o600)
    assert credentials_file_warning(path) is None


def test_a_missing_override_file_is_an_error_not_open_mode(tmp_path: Path) -> None:
    env = {"HUAWEICLOUD_SDK_CREDENTIALS_FILE": str(tmp_path / "typo")}
    with pytest.raises(ConfigError, match="HUAWEICLOUD_SDK_CREDENTIALS_FILE names a file"):
        find_credentials(env, tmp_path)


def test_ak_without_sk_in_the_file_names_the_missing_key(tmp_path: Path) -> None:
    _write(tmp_path, "[basic]\nak = A\n")
    with pytest.raises(ConfigError, match=r"\[basic\] has ak but no sk") as caught:
        find_credentials({}, tmp_path)
    assert caught.value.key == "sk"
