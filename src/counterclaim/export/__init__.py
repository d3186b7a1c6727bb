"""Writing the ledger out for other tools and for people."""
