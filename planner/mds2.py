"""The MDS2 questions that matter for the risk score, and how answers become a device's security profile.

The Manufacturer Disclosure Statement for Medical Device Security (MDS2, ANSI/NEMA HN 1-2019) has about 240
questions in 23 sections, each with an id such as ``SBOM-1`` and a Yes / No / N/A answer. A few of them
decide the fields of our risk score (:mod:`planner.security`); they are listed here with their HN 1-2019 id.
The form does not say which network protocol a device uses, its operating system's end-of-support date or
the patch cadence: our own questions (ids ``CLP-*``) ask for those, in the values of the catalogue.

From answers (a vendor's completed HN 1-2019 form, or our questionnaire filled in), :func:`profile_fields`
derives the profile fields; a field whose questions are unanswered, N/A or "see note" stays as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from planner.catalog import Device
from planner.i18n import t
from planner.schema import NETWORK_CONNECTIONS, PATCH_POLICIES, REMOTE_ACCESS

Kind = Literal["yesno", "choice", "date", "text"]
Answer = str | date  # yes | no | n/a | see_note | a choice value | free text | a date


@dataclass(frozen=True)
class Question:
    """One question of the questionnaire: its id (HN 1-2019 or ours), the profile field it informs; its wording
    is the catalogue's ``wb.mds2.q.<id>``."""

    id: str
    field: str
    kind: Kind
    choices: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        """The question in ``lang`` ("fr" or "en")."""
        return t(f"mds2.q.{self.id}", lang)


def _known(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v for v in values if v != "unknown")


#: The questions, grouped by the profile field they inform (in the order of ``planner.security.SCORED_FIELDS``).
QUESTIONS: tuple[Question, ...] = (
    Question("CONN-3", "network_connected", "yesno"),
    Question("CONN-4", "network_connected", "yesno"),
    Question("CLP-NET", "network_connected", "choice", _known(NETWORK_CONNECTIONS)),
    Question("CLP-OS", "os_family", "text"),
    Question("CLP-EOS", "os_end_of_support", "date"),
    Question("CLP-MDS2", "mds2_available", "yesno"),
    Question("SBOM-1", "sbom_available", "yesno"),
    Question("CSUP-11", "patch_policy", "yesno"),
    Question("CLP-PATCH", "patch_policy", "choice", _known(PATCH_POLICIES)),
    Question("RMOT-1", "remote_access", "yesno"),
    Question("CLP-REMOTE", "remote_access", "choice", _known(REMOTE_ACCESS)),
    Question("STCF-1", "encryption_at_rest", "yesno"),
)
BY_ID: Mapping[str, Question] = {q.id: q for q in QUESTIONS}
#: Answers accepted for a yes/no question (lower case), and what they mean.
YESNO_ANSWERS: Mapping[str, str] = {"yes": "yes", "y": "yes", "oui": "yes", "no": "no", "n": "no", "non": "no",
                                    "n/a": "n/a", "na": "n/a", "s.o.": "n/a", "so": "n/a", "sans objet": "n/a",
                                    "see note": "see_note", "voir note": "see_note"}


def questions_for(fields: tuple[str, ...]) -> tuple[Question, ...]:
    """The questions informing any of ``fields``, in questionnaire order."""
    return tuple(q for q in QUESTIONS if q.field in fields)


def open_questions(unknown: tuple[str, ...]) -> tuple[str, ...]:
    """Ids of the questions still open for a device whose ``unknown`` scored fields are given."""
    fields = set(unknown) | ({"os_family"} if "os_end_of_support" in unknown else set())
    return tuple(q.id for q in QUESTIONS if q.field in fields)


def profile_fields(answers: Mapping[str, Answer], mds2_form: bool) -> dict[str, str | date]:
    """Profile fields derived from answers (question id -> normalised answer).

    Our own questions win over the HN 1-2019 ones they refine. A vendor's completed HN 1-2019 form is itself
    an MDS2 (``mds2_form``: ``mds2_available`` is yes).

    >>> profile_fields({"SBOM-1": "no", "CONN-3": "yes", "CONN-4": "no", "RMOT-1": "n/a"}, True)
    {'mds2_available': 'yes', 'network_connected': 'network', 'sbom_available': 'no'}
    """
    a = answers
    out: dict[str, str | date] = {}
    network = a.get("CLP-NET") or _network(a.get("CONN-3"), a.get("CONN-4"))
    if network:
        out["network_connected"] = network
    for qid, name in (("CLP-OS", "os_family"), ("CLP-EOS", "os_end_of_support")):
        if a.get(qid):
            out[name] = a[qid]
    mds2 = "yes" if mds2_form else _yes_no(a.get("CLP-MDS2"))
    if mds2:
        out["mds2_available"] = mds2
    for qid, name in (("SBOM-1", "sbom_available"), ("STCF-1", "encryption_at_rest")):
        if value := _yes_no(a.get(qid)):
            out[name] = value
    patch = a.get("CLP-PATCH") or ("none" if a.get("CSUP-11") == "no" else None)
    if patch:
        out["patch_policy"] = patch
    remote = a.get("CLP-REMOTE") or {"no": "none", "yes": "vendor_vpn"}.get(str(a.get("RMOT-1")))
    if remote:
        out["remote_access"] = remote
    return dict(sorted(out.items()))


def _yes_no(answer: Answer | None) -> str | None:
    return answer if answer in ("yes", "no") else None  # type: ignore[return-value]


def _network(internal: Answer | None, external: Answer | None) -> str | None:
    """HN 1-2019 CONN-4 yes: a link outside the hospital; CONN-3 yes: on the hospital network; both no: none."""
    if external == "yes":
        return "remote_service"
    if internal == "yes":
        return "network"
    return "none" if internal == "no" and external == "no" else None


def device_answers(device: Device) -> dict[str, str]:
    """What the catalogue (with any disclosure applied) already says, question by question, as text."""
    values = {"network_connected": device.network_connected, "os_family": device.os_family or "unknown",
              "os_end_of_support": device.os_end_of_support.isoformat() if device.os_end_of_support else "unknown",
              "mds2_available": device.mds2_available, "sbom_available": device.sbom_available,
              "patch_policy": device.patch_policy, "remote_access": device.remote_access,
              "encryption_at_rest": device.encryption_at_rest}
    return {q.id: values[q.field] for q in QUESTIONS}
