"""HL7 FHIR R4 (4.0.1) export: Deftly's measures as the clinic's record keeps them."""
