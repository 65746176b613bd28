-- How a queue's abandoned contacts count in its service level (docs/metrics.md, ServiceLevelFormula): abandons within the
-- threshold left out (the default, Cisco's type 1), counted as missed, or counted as met. The wallboard and every report
-- read it from here, so a queue's service level is the same number everywhere.
ALTER TABLE ACD_QUEUE ADD SL_FORMULA VARCHAR2(20 CHAR) DEFAULT 'ABANDONS_EXCLUDED' NOT NULL;
ALTER TABLE ACD_QUEUE ADD CONSTRAINT CK_ACD_QUEUE_SL_FORMULA CHECK (SL_FORMULA IN ('ABANDONS_EXCLUDED', 'ABANDONS_MISSED', 'ABANDONS_MET'));
