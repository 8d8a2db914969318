"""The command line's help and argparse's own messages in French (``--lang fr`` or the locale): every help text
of every command has its French in the catalogue, and no English help text is left in French help pages."""

from __future__ import annotations

import pytest

from planner.cli import _parser, main
from planner.cli_help import _french, helped, parsers

PARSER = _parser()
#: The help texts the parsers declare (argparse's own "show this help message and exit" is an argparse.* code).
ENGLISH_HELP = sorted(({a.help for a in helped(PARSER) if a.help} | {p.description for p in parsers(PARSER)
                                                                     if p.description}) - set(_french("argparse.")))


def _commands() -> list[list[str]]:
    """The command line of every (sub-)command: [], ["solve"], ["db", "audit"], ..."""
    out = []
    for p in parsers(PARSER):
        words = p.prog.split()[1:]
        if words not in out:
            out.append(words)
    return out


def test_every_help_text_has_its_french() -> None:
    french = _french("help.")
    assert not [h for h in ENGLISH_HELP if h not in french]  # an option added without its French fails here
    assert not [en for en in french if en not in ENGLISH_HELP]  # and no French is kept for a text gone


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "cathlab-planner")
def test_the_help_of_every_command_in_french(command: list[str], capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines: compare with single spaces
    assert text.startswith("utilisation :") and "afficher cette aide et quitter" in text
    assert not [h for h in ENGLISH_HELP if len(h) > 12 and " ".join(h.split()) in text]


def test_argparse_errors_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "fr", "solve", "x.yaml", "--time-limit", "abc"])
    assert done.value.code == 2
    assert "erreur : argument --time-limit : valeur float invalide : 'abc'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "frobnicate"])
    assert "choix invalide : 'frobnicate'" in capsys.readouterr().err


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "solve", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: ") and "time limit in seconds" in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "frobnicate"])
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err
