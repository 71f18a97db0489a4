"""Tests of Desk Coach."""
