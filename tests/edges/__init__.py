"""Tests of Desk Coach: edges."""
