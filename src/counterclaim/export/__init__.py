"""Writing the ledger out: for other tools (:mod:`.registry`: jsonl, csv, geojson, acled, ucdp;
:mod:`.dataframe`: pandas) and for people (:mod:`.views`, :mod:`.tables`).  :mod:`.readers`
takes each export back."""
