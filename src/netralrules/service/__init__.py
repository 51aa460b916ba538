"""The HTTP service: netralrules for systems that are not written in Python.

`netralrules serve` (cli/serve.py) runs `app.create_app` under uvicorn. The service calls only the
facade (`netralrules.rulebook`) and `netralrules.tools`; it records every decision in the store
(`store.py`, SQLAlchemy with Alembic migrations under `migrations/`). FastAPI, Starlette,
SQLAlchemy and uvicorn are imported only inside this package (and lazily by the CLI commands that
start it), so `import netralrules` stays light. What is stored, and why: `docs/service.md`.
"""
