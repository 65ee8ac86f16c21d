from pathlib import Path

import pytest

from broadsheet.config import Settings, documented_settings
from broadsheet.errors import InvalidInput

DOCS = Path(__file__).resolve().parents[1] / "docs" / "SETTINGS.md"


def test_every_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [env for env, _, _ in documented_settings() if f"`{env}`" not in text]
    assert not missing, f"docs/SETTINGS.md does not list: {missing}"


def test_defaults_are_safe():
    s = Settings()
    assert s.database_url.startswith("sqlite:///")
    assert s.allow_private_networks is False


def test_environment_overrides_file_and_flags_override_environment(tmp_path, monkeypatch):
    cfg = tmp_path / "b.toml"
    cfg.write_text('port = 7000\nallow_private_networks = true\n')
    monkeypatch.setenv("BROADSHEET_CONFIG", str(cfg))
    monkeypatch.setenv("BROADSHEET_PORT", "7100")
    s = Settings.load()
    assert s.port == 7100 and s.allow_private_networks is True
    assert Settings.load(port=7200).port == 7200


@pytest.mark.parametrize("env,value", [("BROADSHEET_PORT", "eighty"), ("BROADSHEET_ALLOW_PRIVATE_NETWORKS", "maybe")])
def test_bad_values_name_the_setting(monkeypatch, env, value):
    monkeypatch.setenv(env, value)
    with pytest.raises(InvalidInput) as e:
        Settings.load()
    assert env in str(e.value)


def test_unknown_key_in_config_file_is_refused(tmp_path, monkeypatch):
    cfg = tmp_path / "b.toml"
    cfg.write_text('colour = "blue"\n')
    monkeypatch.setenv("BROADSHEET_CONFIG", str(cfg))
    with pytest.raises(InvalidInput, match="colour"):
        Settings.load()
