"""Labels and French wording of the input-safety messages: refused files (too large, too deep, alias bombs,
duplicate keys), plausible ranges, file-level import errors, solver failures, an uploaded scenario's
``catalog:`` folder (ignored by the app). Pure data."""

from __future__ import annotations

INPUT_LABELS: dict[str, dict[str, str]] = {
    "sc.uploaded": {"fr": "Scénario importé depuis {name}.", "en": "Scenario loaded from {name}."},
    "plan.solver_failed": {"fr": "Le solveur a échoué, aucun plan n'a été calculé : {reason}. Vérifiez les valeurs "
                                 "extrêmes du scénario ou réessayez avec un autre solveur.",
                           "en": "The solver failed and no plan was made: {reason}. Check the scenario's extreme "
                                 "values, or try the other solver."},
}

#: (pattern, French) pairs for :func:`ui.i18n.message`; the planner speaks English.
INPUT_MESSAGES_FR: tuple[tuple[str, str], ...] = (
    (r"refused: the file holds more than ([\d,]+) values once its aliases \(\*name\) are expanded: too large for a "
     r"scenario \(at most (\d+) sites\)",
     "refusé : une fois ses alias (*nom) développés, le fichier contient plus de \\1 valeurs, trop pour un scénario "
     "(\\2 sites au plus)"),
    (r"refused: the alias \*(\S+) refers to a value that contains it \(a recursive structure\)",
     "refusé : l'alias *\\1 renvoie à une valeur qui le contient (structure récursive)"),
    (r"refused: values are nested more than (\d+) levels deep", "refusé : valeurs imbriquées sur plus de \\1 niveaux"),
    (r"refused: is ([\d.]+) million characters; a scenario file is at most (\S+)",
     "refusé : \\1 millions de caractères ; un scénario en compte au plus \\2 millions"),
    (r"duplicate key: already given on line (\d+) \(give each key once\)",
     "clé en double : déjà donnée ligne \\1 (chaque clé une seule fois)"),
    (r"must be a non-empty text \(without name: the file's name is used\)",
     "doit être un texte non vide (sans name:, le nom du fichier est utilisé)"),
    (r"is too large", "est trop grand"),
    (r"must be a date YYYY-MM-DD", "doit être une date AAAA-MM-JJ"),
    (r"must be a date YYYY-MM or YYYY-MM-DD", "doit être une date AAAA-MM ou AAAA-MM-JJ"),
    (r"too many sites: at most (\d+) in one scenario \(plan a larger group in parts\)",
     "trop de sites : \\1 au plus par scénario (planifiez un groupe plus grand en plusieurs parties)"),
    (r"too large for one run \(at most ([\d,]+)\): plan fewer sites or years at a time",
     "trop grand pour un seul calcul (\\1 au plus) : planifiez moins de sites ou d'années à la fois"),
    (r"circular requirement: (.+) \(each needs the other at the site\)",
     "exigence circulaire : \\1 (chacun exige l'autre sur le site)"),
    (r"circular fallback: (.+)", "repli circulaire : \\1"),
    (r"a device cannot require itself", "un équipement ne peut pas s'exiger lui-même"),
    (r"a cell is longer than ([\d,]+) characters", "une cellule dépasse \\1 caractères"),
    (r"is not valid CSV \((.+)\)", "n'est pas un CSV valide (\\1)"),
    (r"is not valid CSV near line (\d+) \((.+)\)", "n'est pas un CSV valide vers la ligne \\1 (\\2)"),
    (r"is ([\d.]+) MB; the limit is (\d+) MB", "pèse \\1 Mo ; la limite est de \\2 Mo"),
    (r"decompresses to (\d+) MB; the limit is (\d+) MB", "fait \\1 Mo une fois décompressé ; la limite est de \\2 Mo"),
    (r"is damaged or not a valid \.xlsx workbook \((\w+)\)",
     "est endommagé ou n'est pas un classeur .xlsx valide (\\1)"),
    (r"is damaged \(not a readable zip archive\)", "est endommagé (archive zip illisible)"),
    (r"is an Excel 97-2003 \(\.xls\) file renamed \.xlsx: save it as \.xlsx",
     "est un fichier Excel 97-2003 (.xls) renommé .xlsx : enregistrez-le au format .xlsx"),
    (r"is a zip archive but not an Excel workbook \(a renamed \.ods or \.docx\?\)",
     "est une archive zip mais pas un classeur Excel (un .ods ou un .docx renommé ?)"),
    (r"is not an Excel workbook: it looks like a PDF document",
     "n'est pas un classeur Excel : il ressemble à un document PDF"),
    (r"is not a text CSV file \(a workbook renamed \.csv\? upload the \.xlsx\)",
     "n'est pas un fichier CSV texte (un classeur renommé .csv ? importez le .xlsx)"),
    (r"has more than (\d+) rows", "a plus de \\1 lignes"),
    (r"sheet '(.+)' has more than (\d+) rows", "la feuille « \\1 » a plus de \\2 lignes"),
    (r"has no header row \(the file holds no values\)", "n'a pas de ligne d'en-tête (le fichier ne contient rien)"),
    (r"Excel 97-2003 \(\.xls\) files are not supported: save it as \.xlsx \(Excel Workbook\)",
     "les fichiers Excel 97-2003 (.xls) ne sont pas pris en charge : enregistrez-le au format .xlsx "
     "(Classeur Excel)"),
    (r"OpenDocument files are not supported: save it as \.xlsx or \.csv",
     "les fichiers OpenDocument ne sont pas pris en charge : enregistrez-le au format .xlsx ou .csv"),
    (r"has no 'scenario\.yaml' sheet: is it a plan workbook of this planner\?",
     "n'a pas de feuille « scenario.yaml » : est-ce bien un classeur de plan de cet outil ?"),
    (r"several sheets look like a (.+) \((.+)\): keep only one",
     "plusieurs feuilles ressemblent à : \\1 (\\2) : n'en gardez qu'une"),
    (r"no sheet looks like a (.+) \(sheets: (.+)\)", "aucune feuille ne ressemble à : \\1 (feuilles : \\2)"),
    (r"the scenario's catalog: folder is ignored in the app: it plans with the catalogue of the Catalogue page "
     r"\(bundled, or extended there\)",
     "le dossier catalog: du scénario est ignoré par l'application : elle planifie avec le catalogue de la page "
     "Catalogue (fourni, ou étendu sur cette page)"),
    (r"is not UTF-8 text", "n'est pas un texte UTF-8"),
)
