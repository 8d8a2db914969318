"""Labels of the input-safety messages of the app (the planner's own messages are in ``planner/messages``).
Pure data."""

from __future__ import annotations

INPUT_LABELS: dict[str, dict[str, str]] = {
    "sc.uploaded": {"fr": "Scénario importé depuis {name}.", "en": "Scenario loaded from {name}."},
    "plan.solver_failed": {"fr": "Le solveur a échoué, aucun plan n'a été calculé : {reason}. Vérifiez les valeurs "
                                 "extrêmes du scénario ou réessayez avec un autre solveur.",
                           "en": "The solver failed and no plan was made: {reason}. Check the scenario's extreme "
                                 "values, or try the other solver."},
}
