"""Lessons in the app: the lesson list, the lesson panel beside the app, and the controller
that applies each step (its experiment, tool, hidden and locked controls, live goal)."""
