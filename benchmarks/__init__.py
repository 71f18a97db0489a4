"""Benchmarks comparing Desk Coach with the hand-made community setup."""
