"""Lessons: plain files under ``resources/lessons/`` that walk a class through the course.

A lesson is JSON (text in English and Chinese, the experiment or lab script of each
step, which controls are shown, hidden or locked, an optional goal). It is data
only: :mod:`~playground.core.lessons.model` validates it, nothing in it runs.
"""
