"""Tests of Desk Coach: project."""
