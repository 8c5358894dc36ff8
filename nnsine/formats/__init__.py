"""Ways in and out: the parameter table and its checks, fit files, links, exports."""
