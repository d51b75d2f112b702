"""Rules frozen with the migrations that shipped them: a migration never calls today's rules."""
