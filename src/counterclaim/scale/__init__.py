"""Scaling out: reading on every core of one machine (:mod:`.jobs`, ``--jobs N``) and on a Dask
cluster of many (:mod:`.cluster`, ``ingest --dask`` / ``--scheduler``).  Both give the same
documents, claims and ids as one process does."""
