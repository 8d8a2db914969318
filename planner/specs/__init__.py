"""Functional specifications and stable reference products (issue 14).

* :mod:`planner.specs.twins`: devices interchangeable for the model at a site are merged into one canonical
  representative, chosen by a stable rule, before the model is built (no symmetry, no reference picked by the
  solver's luck).
* :mod:`planner.specs.functions`: the functional requirement of each device family (``catalog/functions.csv``).
* :mod:`planner.specs.lines`: one :class:`~planner.plan.PurchaseSpec` per purchase line of a plan: the function
  to buy, the reference product and the equivalents within the tolerance of value and cost.
"""
