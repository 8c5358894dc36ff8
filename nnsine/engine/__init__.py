"""The engine: the pair network, its maths and its data (pure NumPy)."""
