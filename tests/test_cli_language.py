"""The command line's help, usage and errors are in the user's language (--lang, else LANG)."""

from __future__ import annotations

import argparse

import pytest

from partnerlab import cli, messages


@pytest.fixture(autouse=True)
def _terminal(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield
    messages.set_lang("en")


@pytest.mark.parametrize(
    "lang, words",
    [
        ("es_MX.UTF-8", ["uso: partnerlab", "opciones:", "muestra este mensaje de ayuda", "ejecuta el lote"]),
        ("pt_BR.UTF-8", ["uso: partnerlab", "opções:", "mostra esta mensagem de ajuda", "executa o lote"]),
        ("C.UTF-8", ["usage: partnerlab", "options:", "show this help message", "run the default batch"]),
    ],
)
def test_help_speaks_the_terminals_language(monkeypatch, capsys, lang, words):
    monkeypatch.setenv("LANG", lang)
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out


def test_lang_option_wins_and_reaches_the_subcommands_help(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert cli.main(["run", "--lang", "pt", "--help"]) == 0
    out = capsys.readouterr().out
    assert "tempo máximo por relatório (padrão 600)" in out and "SEGUNDOS" in out
    assert "time limit" not in out and "tiempo" not in out


def test_usage_errors_are_translated_and_argparse_is_left_as_found(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert cli.main(["run", "--no-such-option"]) == 2
    assert "partnerlab: error: argumentos no reconocidos: --no-such-option" in capsys.readouterr().err
    assert argparse._("options") == "options"  # the catalogs are argparse's only inside cli.main
