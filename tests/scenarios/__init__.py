"""Tests of Desk Coach: scenarios."""
