"""The claim checker's tolerances beyond the qualifier bands (those are in `domain.qualifiers`):
comparisons, dates, price ratios, training facts, attributes, Hub counts, git counts, catalogue sizes.

docs/claims.md ("Tolerances") explains each constant; change them here and nowhere else.
"""

from __future__ import annotations

# a comparison "within N points": |a - b| <= N (+ rounding slack below)
COMPARE_SLACK_POINTS = 0.05

# --- dates ------------------------------------------------------------------------------
DATE_DAY_TOLERANCE = 0  # "on 3 March 2021": that day (dates hold at the precision written; issue 15: a ±2-day window accepted wrong days)
# "March 2021": the same calendar month; "2021": the same year; "early 2021": months 1-4, etc.

# --- prices (USD per million tokens) --------------------------------------------------------
PRICE_RATIO_RELATIVE = 0.05  # "N times what Y charges": within 5% of N ("about": 10%)
# No catalogue lists the model on the claim's day (a launch before the next snapshot): a catalogue's first
# observation after the day, when it comes within this many days (the catalogues' monthly cadence), is read as the
# price on that day and decides; a farther one, or the last observation before the day of a model delisted by
# then, may support a claim but never contradict it (metrics.prices._nearest)
PRICE_NEAREST_DAYS = 31
# a long-prompt price's threshold as written ("> 128K") and a catalogue's (128,000 or 131,072): within 5%
CONTEXT_TIER_SLACK = 0.05

# --- training facts ---------------------------------------------------------------------
GPU_COUNT_RELATIVE = 0.05  # "4,000 GPUs" vs a table's 4,050: within 5% (articles round)
TRAINING_TIME_RELATIVE = 0.15  # "trained for 30 days": within 15%
# "M x 10^E FLOP": within 5%, or the claim's own precision when coarser ("4e25": +/-12.5%, half a unit
# of its last digit relative to the figure)
TRAINING_COMPUTE_RELATIVE = 0.05
# attributes (parameters, tokens, context, GPU-hours): an exact figure holds at the precision written
# (half a unit of its last significant digit: "1.4T" = 1.35T..1.45T, "60B" = 55B..65B); "about/~" widens
# that to 10% of the figure
ATTRIBUTE_ABOUT_RELATIVE = 0.10

# --- Hub model counts (hub_docs statements are rounded floors that lag reality) ---------------
# A point claim "N models at DATE" is contradicted when every docs statement within
# HUB_NEAR_DAYS of DATE differs from N by more than a factor HUB_FAR_FACTOR, supported when one of
# them is within HUB_CLOSE_FACTOR, unverifiable otherwise.
HUB_NEAR_DAYS = 183
HUB_FAR_FACTOR = 2.0
HUB_CLOSE_FACTOR = 1.25
# "N models by DATE": supported when a statement dated on or before the end of DATE's period says
# >= N x (1 - HUB_ROUNDING); contradicted when the first statement after it is below N / HUB_FAR_FACTOR.
HUB_ROUNDING = 0.0
# "grew N-fold between A and B": the ratio of the statements in force at A and at B is within a factor
# HUB_GROWTH_FACTOR of N (supported) or off by more than HUB_FAR_FACTOR (contradicted)
HUB_GROWTH_FACTOR = 1.5

# --- counts (contributors, commits) ---------------------------------------------------------
COUNT_EXACT = 0  # git counts are exact; an "about N" gets COUNT_ABOUT_RELATIVE
COUNT_ABOUT_RELATIVE = 0.1

# --- catalogue sizes "orders of magnitude" ----------------------------------------------------
# "k orders of magnitude more": log10(ratio) within k +/- 0.5; unqualified "orders of magnitude": >= 1.5
ORDERS_HALF_WIDTH = 0.5

# --- ratios between two models' facts ("N times larger than Y", "N x more compute than Y") ---------
# the ratio of the two models' values holds within FACT_RATIO_RELATIVE of N, or the precision written
# when coarser ("4.5": +/-0.05); "about N" widens it to FACT_RATIO_ABOUT_RELATIVE; "more than N": >= N;
# "nearly N": from N x (1 - FACT_RATIO_ABOUT_RELATIVE) up to N
FACT_RATIO_RELATIVE = 0.05
FACT_RATIO_ABOUT_RELATIVE = 0.15

# A table's column header "<model>-0506" whose stamp no source's dated name has names the model's own
# release when the model's first release date is within this many days of the stamp (claims/tables.py);
# otherwise a later update of the name may be meant and the header is ambiguous.
STAMP_RELEASE_DAYS = 7
