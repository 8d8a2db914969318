"""Views of a plan: text, tables, JSON, Excel, charts."""
