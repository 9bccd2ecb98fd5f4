"""Rendered files -> the output folder, in one atomic step that never loses what the user had."""
