"""Views of an explanation: narrative text and Markdown, JSON, DOT, GraphML, HTML."""
