"""Scoring metrics: pure numpy, no pygame. Units are in the result names.

Degenerate input (nothing, one sample, zero-length paths, all samples at one
point) yields NaN or a count of zero, never an exception or a numpy warning.

Modules:
    stats       robust summaries (mean, median, IQR, SD, CV)
    pointing    hit rate, reaction and movement time, endpoint error, ISO 9241-9 throughput
    path        axis offsets (MO/ME/MV), deviation from a reference, corridor share,
                completion in order, speed (on the surface, for strokes)
    geometry    exact nearest points on a polyline (a pruned grid)
    live        incremental measures of one new sample, for a running game
    smoothness  SPARC (spectral arc length)
    tremor      4-12 Hz band power share and dominant frequency
    spiral      radius-angle fit of an Archimedean spiral
    tapping     tap count, frequency, inter-tap intervals, fatigue, dwell, dysmetria
"""
