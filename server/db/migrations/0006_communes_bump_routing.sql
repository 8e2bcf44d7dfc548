-- Coordinators edit commune flags (land_border, coastal): routing reads them for its warnings, so a
-- change must reach every server process like a rule change does.
CREATE TRIGGER "communes_bump_routing" AFTER INSERT OR UPDATE OR DELETE ON "communes" FOR EACH STATEMENT EXECUTE FUNCTION "routing_bump_generation"();
