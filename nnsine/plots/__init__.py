"""Plotly (and matplotlib) figure builders: data in, figure out."""
