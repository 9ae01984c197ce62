"""A fictional district for training and benchmarks, generated deterministically from a seed."""

from .generator import CLASSROOM_HOUSEHOLDS, DemoSummary, generate

__all__ = ["CLASSROOM_HOUSEHOLDS", "DemoSummary", "generate"]
