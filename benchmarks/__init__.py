"""Performance figures of matryoshka: ``python benchmarks/run.py``."""
