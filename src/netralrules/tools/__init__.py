"""Tools built on the facade: rule cases, rulebook diff, batch evaluation."""
