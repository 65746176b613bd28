-- The at-risk list (AtRiskClocks) reads the counting clocks by due time: RUNNING/BREACHED first by DUE_AT.
CREATE INDEX IX_SLA_CLOCK_STATE_DUE ON SLA_CLOCK (STATE, DUE_AT);
