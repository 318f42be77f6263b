"""pac's pytest integration, one module per pytest concept.

:mod:`.plugin` holds the hook functions pytest calls (the ``pytest11`` entry point); they only
delegate: :mod:`.options` (the option table, shared with ``pac check``), :mod:`.collection` (policy
folders and files into nodes), :mod:`.items` (a check's item and its failure report), :mod:`.session`
(the run's state, xdist transport, terminal summary and reports) and :mod:`.plugins` (the engine of
pac's entry points and the pac hooks in what pytest loads).
"""
