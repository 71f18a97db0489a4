"""Tests of Desk Coach: core."""
