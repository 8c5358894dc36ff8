"""The book's content as data: presets, the walkthrough, listings, the figure map."""
