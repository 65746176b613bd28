-- Dispatch rules may also ask for the customer's language (CUSTOMER.LANGUAGE: zh, en), as the
-- tickets issue lists it among the criteria; NULL matches any language, as for the other criteria.
ALTER TABLE DISPATCH_RULE ADD (LANGUAGE VARCHAR2(8 CHAR));
ALTER TABLE DISPATCH_RULE ADD CONSTRAINT CK_DISPATCH_RULE_LANGUAGE CHECK (LANGUAGE IS NULL OR LANGUAGE IN ('zh', 'en'));
