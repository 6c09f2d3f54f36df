// JSON Schema validator benchmark: see docs (filled in by the validator work).
print("schema-bench: not yet written")
