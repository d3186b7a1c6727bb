"""The ledger: where documents, claims, incidents and contradictions are stored."""
