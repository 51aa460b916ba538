"""Evaluation: compiled plan + validated incident → decision."""
