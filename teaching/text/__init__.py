"""Django-free text logic: anchoring, number reading, matching, comparisons, agreement, suggestions,
W3C, scoring, exports."""
