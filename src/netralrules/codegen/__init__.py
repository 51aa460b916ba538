"""The compiled rulebook: Python source generated from a checked rulebook (generate.py), the names
it runs with (runtime.py) and the per-user cache of programs and checked rulebooks (cache.py)."""
