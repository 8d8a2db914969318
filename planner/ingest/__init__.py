"""Reading the spreadsheets users bring: price lists, installed equipment, catalogue extensions.

- :mod:`planner.ingest.read`: files (.xlsx, .csv), limits, cell values and numbers;
- :mod:`planner.ingest.columns`: column matching, devices named by id or vendor + name, sheet choice;
- :mod:`planner.ingest.imports`: price lists, installed equipment, the scenario of a plan workbook;
- :mod:`planner.ingest.catalog`: catalogue extensions (new devices, indications, coverage...).
"""
