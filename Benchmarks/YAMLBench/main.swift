// YAML loader benchmark: see docs (filled in by the YAML loader work).
print("yaml-bench: not yet written")
