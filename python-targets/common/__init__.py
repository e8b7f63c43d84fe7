"""Helpers shared by the target services of every workload."""
