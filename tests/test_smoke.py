from typer.testing import CliRunner

from tyollisyys_cli.cli.app import app


def test_caseload_kuhmo_runs() -> None:
    result = CliRunner().invoke(app, ["caseload", "Kuhmo"])
    assert result.exit_code == 0, result.output
    assert "Kuhmo" in result.output
