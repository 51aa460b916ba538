"""The language server: rules files as an editor holds them → diagnostics, hover, completion,
navigation, formatting, code actions and code lenses over the Language Server Protocol.

`pygls` is imported only in `server.py`; the rest is plain functions over the analysis
(`analysis.py`), so the benchmark and tests can call them without a client. The server calls the
loader, the checker, the formatter (`authoring`) and the rule-case runner (`tools.casetest`); it
does not check anything itself.
"""
