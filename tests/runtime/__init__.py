"""Tests of Desk Coach: runtime."""
