"""How much a lab script may do: a shared script cannot hang the app or fill its memory."""

from __future__ import annotations

#: Numbers in one tensor.
MAX_ELEMENTS = 100_000
#: Statements run in all (loop bodies count once per pass).
MAX_STEPS = 50_000
#: Multiply-adds in one matrix product.
MAX_PRODUCT_WORK = 200_000_000
#: Multiply-adds (and element operations) in all, for the whole script.
MAX_TOTAL_WORK = 2_000_000_000
#: Largest whole number a script may write or compute outside a tensor.
MAX_INTEGER = 2**53
#: Lines a script may print.
MAX_PRINTED_LINES = 2_000
#: Characters kept of one printed line.
MAX_LINE_CHARS = 2_000
